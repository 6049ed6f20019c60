import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type DbOrTx } from '@/lib/db';
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

/**
 * The rate request for an order's package: ship-from, recipient, parcel, our package reference.
 * The account's ship-from comes back on every line (an uncorrelated subquery, run once) so the
 * request costs one statement; an order without lines needs no ship-from.
 */
export async function buildRateRequest(
  tx: DbOrTx,
  input: { accountId: string; orderId: string; recipient: Recipient; reference: string; defaultShipFrom: Address },
): Promise<RateRequest> {
  const lines = await tx.execute<Line & { ship_from: unknown }>(sql`
    select i.quantity, s.weight_grams, s.length_cm::float8 as length_cm, s.width_cm::float8 as width_cm, s.height_cm::float8 as height_cm,
      (select a.settings -> 'shipFrom' from public.accounts a where a.id = ${input.accountId}) as ship_from
    from public.order_items i join public.skus s on s.id = i.sku_id
    where i.account_id = ${input.accountId} and i.order_id = ${input.orderId}`);
  if (lines.rows.length === 0) {
    const [any] = await tx.select({ id: tables.orderItems.id }).from(tables.orderItems).where(and(eq(tables.orderItems.orderId, input.orderId), eq(tables.orderItems.accountId, input.accountId)));
    throw new Error(any ? `order ${input.orderId} has lines without a known SKU` : `order ${input.orderId} has no lines`);
  }
  const configured = shipFromSchema.safeParse(lines.rows[0]!.ship_from);
  return {
    from: configured.success ? { ...configured.data, country: configured.data.country.toUpperCase() } : input.defaultShipFrom,
    to: recipientAddress(input.recipient),
    parcel: parcelFor(lines.rows),
    reference: input.reference,
  };
}
