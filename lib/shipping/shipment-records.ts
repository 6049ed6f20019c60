import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { inPairs, insertJsonRows, tables, type DbOrTx, type Tx } from '@/lib/db';
import type { RateQuote } from '@/lib/shipping/carriers';

export type ShipmentRow = typeof tables.shipments.$inferSelect;
export type OpenAttempt = {
  id: string;
  state: 'purchasing' | 'unknown_outcome';
  quote: RateQuote;
  startedAt: Date;
  /** The HTTP timeout of the worker that made the attempt (it bounds how long its request may run). */
  requestTimeoutMs: number | null;
};

/** label_purchase_attempts.quote as stored (JSON: dates as ISO strings). */
const storedQuoteSchema = z.object({
  carrier: z.enum(['shippo', 'easypost']),
  rateId: z.string().min(1),
  shipmentId: z.string().min(1),
  provider: z.string(),
  serviceLevel: z.object({ token: z.string(), name: z.string() }),
  amountCents: z.number().int(),
  currency: z.string(),
  estimatedDays: z.number().int().nullable(),
  quotedAt: z.coerce.date(),
  requestTimeoutMs: z.number().int().positive().optional(),
});

/** Our package reference, sent to the carrier as metadata / reference: one label per package. */
export function packageRefFor(order: { id: string; packageId: string | null }): string {
  return order.packageId ? `tt-pkg-${order.packageId}` : `cf-order-${order.id}`;
}

/** The quote currently on the shipment row, or null if it was never quoted. */
export function quoteOf(shipment: ShipmentRow): RateQuote | null {
  if (!shipment.rateId || !shipment.carrierShipmentId || !shipment.quotedAt || shipment.rateAmountCents === null) return null;
  return {
    carrier: shipment.carrier, rateId: shipment.rateId, shipmentId: shipment.carrierShipmentId, provider: shipment.provider ?? '',
    serviceLevel: { token: shipment.servicelevelToken ?? '', name: shipment.servicelevelName ?? '' },
    amountCents: shipment.rateAmountCents, currency: shipment.currency ?? 'USD', estimatedDays: shipment.estimatedDays, quotedAt: shipment.quotedAt,
  };
}

export async function loadShipment(tx: DbOrTx, input: { accountId: string; shipmentId: string }): Promise<ShipmentRow | null> {
  const [row] = await tx
    .select()
    .from(tables.shipments)
    .where(and(eq(tables.shipments.id, input.shipmentId), eq(tables.shipments.accountId, input.accountId)));
  return row ?? null;
}

/** What the purchase loop needs of the order, read beside its shipment. */
export type ShipmentOrder = Pick<typeof tables.orders.$inferSelect, 'workflowStatus' | 'recipient' | 'serviceLevel' | 'dispatchDeadline'>;

/**
 * The shipment and the fields of its order the purchase needs, in one statement: each round of the
 * purchase loop reads both under the shipment lock. `order` is null if the order row is gone.
 */
export async function loadShipmentWithOrder(
  tx: DbOrTx,
  input: { accountId: string; shipmentId: string },
): Promise<{ shipment: ShipmentRow; order: ShipmentOrder | null } | null> {
  return (await loadShipmentsWithOrders(tx, [input])).get(input.shipmentId) ?? null;
}

/** loadShipmentWithOrder for many shipments, in one statement (shipment id → row). */
export async function loadShipmentsWithOrders(
  tx: DbOrTx,
  refs: readonly { accountId: string; shipmentId: string }[],
): Promise<Map<string, { shipment: ShipmentRow; order: ShipmentOrder | null }>> {
  if (refs.length === 0) return new Map();
  const { orders, shipments } = tables;
  const rows = await tx
    .select({
      shipment: shipments,
      order: { workflowStatus: orders.workflowStatus, recipient: orders.recipient, serviceLevel: orders.serviceLevel, dispatchDeadline: orders.dispatchDeadline },
    })
    .from(shipments)
    .leftJoin(orders, and(eq(orders.id, shipments.orderId), eq(orders.accountId, shipments.accountId)))
    .where(inPairs([shipments.id, shipments.accountId], refs.map((ref) => [ref.shipmentId, ref.accountId])));
  return new Map(rows.map((row) => [row.shipment.id, { shipment: row.shipment, order: row.order }]));
}

/** A shipment to create for an order that has none. */
export type NewShipment = { accountId: string; orderId: string; packageRef: string; carrier: 'shippo' | 'easypost'; serviceLevel: string };

/**
 * Creates shipments in one statement; returns order id → new shipment id. A package reference that
 * already has a row (a racing creator won) is left out: package_ref is unique.
 */
export async function createShipments(tx: DbOrTx, items: readonly NewShipment[]): Promise<Map<string, string>> {
  if (items.length === 0) return new Map();
  const { rows } = await tx.execute<{ id: string; order_id: string }>(sql`
    ${insertJsonRows(tables.shipments, items.map((item) => ({ accountId: item.accountId, orderId: item.orderId, packageRef: item.packageRef, carrier: item.carrier, serviceLevel: item.serviceLevel })))}
    on conflict (package_ref) do nothing
    returning id, order_id`);
  return new Map(rows.map((row) => [row.order_id, row.id]));
}

/**
 * The order's shipment, created on first need. `newest` is the order's newest shipment as the
 * caller's order snapshot read it: if there is one it is the answer (an order whose package
 * reference changed keeps the shipment it has). Otherwise one insert creates the row; package_ref
 * is unique, so racing creators share one row and the loser reads the winner's. One write, so no
 * transaction is needed around this.
 */
export async function ensureShipment(
  tx: DbOrTx,
  input: NewShipment & { newest: { id: string } | null },
): Promise<{ id: string }> {
  if (input.newest) return { id: input.newest.id };
  const inserted = (await createShipments(tx, [input])).get(input.orderId);
  if (inserted) return { id: inserted };
  const [row] = await tx
    .select({ id: tables.shipments.id, accountId: tables.shipments.accountId, orderId: tables.shipments.orderId })
    .from(tables.shipments)
    .where(eq(tables.shipments.packageRef, input.packageRef));
  if (!row || row.accountId !== input.accountId || row.orderId !== input.orderId) {
    throw new Error(`package reference ${input.packageRef} already belongs to another order`);
  }
  return { id: row.id };
}

export async function loadOpenAttempt(tx: DbOrTx, shipmentId: string): Promise<OpenAttempt | null> {
  const result = await tx.execute<{ id: string; state: 'purchasing' | 'unknown_outcome'; quote: unknown; started_at: string }>(sql`
    select id, state, quote, started_at from public.label_purchase_attempts
    where shipment_id = ${shipmentId} and state in ('purchasing', 'unknown_outcome')
    order by started_at desc limit 1`);
  const row = result.rows[0];
  if (!row) return null;
  const quote = storedQuoteSchema.safeParse(row.quote);
  if (!quote.success) throw new Error(`purchase attempt ${row.id} has no usable quote to look it up by`);
  const { requestTimeoutMs, ...rate } = quote.data;
  return { id: row.id, state: row.state, quote: rate, startedAt: new Date(row.started_at), requestTimeoutMs: requestTimeoutMs ?? null };
}

export async function setShipmentStatus(
  tx: Tx,
  shipmentId: string,
  status: ShipmentRow['status'],
  options: { from?: ShipmentRow['status'][]; lastError?: string | null } = {},
): Promise<boolean> {
  const updated = await tx
    .update(tables.shipments)
    .set({ status, updatedAt: sql`now()`, ...(options.lastError !== undefined ? { lastError: options.lastError } : {}) })
    .where(and(eq(tables.shipments.id, shipmentId), ...(options.from ? [inArray(tables.shipments.status, options.from)] : [])))
    .returning({ id: tables.shipments.id });
  return updated.length > 0;
}
