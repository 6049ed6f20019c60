import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/lib/db';
import type { Recipient } from '@/lib/db/schema/orders';
import type { Address, Parcel, RateRequest } from '@/lib/shipping/carriers';

/** accounts.settings.shipFrom, when an account has set its own return address. */
const shipFromSchema = z.object({
  name: z.string().min(1), company: z.string().optional(), street1: z.string().min(1), street2: z.string().optional(),
  city: z.string().min(1), state: z.string().min(1), zip: z.string().min(1), country: z.string().length(2),
  phone: z.string().optional(), email: z.string().optional(),
});

/** The buyer's address as carriers want it (TikTok's masked phone is passed on; the relay email is not). */
export function recipientAddress(recipient: Recipient): Address {
  return {
    name: recipient.name.trim(),
    street1: recipient.addressLine1.trim(),
    ...(recipient.addressLine2?.trim() ? { street2: recipient.addressLine2.trim() } : {}),
    city: recipient.city.trim(),
    state: recipient.state.trim(),
    zip: recipient.postalCode.trim(),
    country: recipient.country.trim().toUpperCase(),
    ...(recipient.phone ? { phone: recipient.phone } : {}),
    isResidential: true,
  };
}

type Line = { quantity: number; weight_grams: number; length_cm: number; width_cm: number; height_cm: number };

/**
 * One parcel for the whole order: weights add up; the box is as long and wide as the largest item
 * and as tall as the items stacked. Good enough for mailers and small boxes, which is what TikTok
 * creators ship; a packing step that chooses boxes would replace this.
 */
export function parcelFor(lines: readonly Line[]): Parcel {
  const weight = lines.reduce((sum, line) => sum + line.weight_grams * line.quantity, 0);
  return {
    length: Math.max(1, ...lines.map((line) => Number(line.length_cm))),
    width: Math.max(1, ...lines.map((line) => Number(line.width_cm))),
    height: Math.max(1, lines.reduce((sum, line) => sum + Number(line.height_cm) * line.quantity, 0)),
    distanceUnit: 'cm',
    weight: Math.max(1, weight),
    massUnit: 'g',
  };
}

type RateRequestInput = { accountId: string; orderId: string; recipient: Recipient; reference: string; defaultShipFrom: Address };

/**
 * The rate requests for orders' packages: ship-from, recipient, parcel, our package reference, in
 * one statement for all of them (lines with their SKU's size, and each account's ship-from). An
 * order whose lines cannot make a parcel gets an Error in its place instead of a request.
 */
export async function buildRateRequests(tx: DbOrTx, inputs: readonly RateRequestInput[]): Promise<(RateRequest | Error)[]> {
  if (inputs.length === 0) return [];
  const refs = inputs.map((input) => ({ account_id: input.accountId, order_id: input.orderId }));
  const lines = await tx.execute<Line & { order_id: string; known: boolean; ship_from: unknown }>(sql`
    select r.order_id, s.id is not null as known, i.quantity, s.weight_grams, s.length_cm::float8 as length_cm, s.width_cm::float8 as width_cm,
      s.height_cm::float8 as height_cm, a.settings -> 'shipFrom' as ship_from
    from jsonb_to_recordset(${JSON.stringify(refs)}::jsonb) as r(account_id uuid, order_id uuid)
      join public.accounts a on a.id = r.account_id
      join public.order_items i on i.account_id = r.account_id and i.order_id = r.order_id
      left join public.skus s on s.id = i.sku_id`);
  const byOrder = new Map<string, typeof lines.rows>();
  for (const line of lines.rows) byOrder.set(line.order_id, [...(byOrder.get(line.order_id) ?? []), line]);
  return inputs.map((input) => {
    const all = byOrder.get(input.orderId) ?? [];
    // Lines whose SKU we do not know add nothing to the parcel; an order with none we know has none.
    const own = all.filter((line) => line.known);
    if (own.length === 0) return new Error(all.length > 0 ? `order ${input.orderId} has lines without a known SKU` : `order ${input.orderId} has no lines`);
    const configured = shipFromSchema.safeParse(own[0]!.ship_from);
    return {
      from: configured.success ? { ...configured.data, country: configured.data.country.toUpperCase() } : input.defaultShipFrom,
      to: recipientAddress(input.recipient),
      parcel: parcelFor(own),
      reference: input.reference,
    };
  });
}
