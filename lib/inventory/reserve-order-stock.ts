import 'server-only';
import { sql } from 'drizzle-orm';
import type { Tx } from '@/lib/db';
import type { Movement } from './record-movements';

export type StockLine = { skuId: string; quantity: number };

/** A reserved line, with what the SKU has left (all warehouses) for the low-stock check. */
export type ReservedLine = Movement & { availableAfter: number; lowStockThreshold: number; lowStockAlerted: boolean };

export type ReservationResult =
  | { ok: true; movements: ReservedLine[] }
  | { ok: false; shortSkuId: string; requested: number; available: number };

class ShortStock extends Error {
  constructor(readonly skuId: string, readonly requested: number, readonly available: number) {
    super(`SKU ${skuId}: ${requested} requested, ${available} available`);
  }
}

/** Same SKU on several lines counts once; SKU order is the lock order (see reserveOrderStock). */
export function mergeLines(lines: readonly StockLine[]): StockLine[] {
  const totals = new Map<string, number>();
  for (const line of lines) {
    if (!Number.isInteger(line.quantity) || line.quantity <= 0) throw new TypeError(`quantity must be a positive integer for SKU ${line.skuId}`);
    totals.set(line.skuId, (totals.get(line.skuId) ?? 0) + line.quantity);
  }
  return [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([skuId, quantity]) => ({ skuId, quantity }));
}

type Reserved = { warehouse_id: string; on_hand: number; reserved: number; available: number; threshold: number; alerted: boolean };
type Context = { accountId: string; orderId: string; preferredWarehouseId: string | null; actorId: string | null };

/**
 * Takes `quantity` from one warehouse of the SKU with a conditional update: the row changes only
 * if `on_hand - reserved >= quantity` still holds when Postgres applies it (a concurrent writer
 * makes this statement wait, then re-checks the condition on the new row). Never read-then-write.
 * The order's own warehouse is tried first, then the one with the most available. The ledger line
 * is written by the same statement, and the SKU's remaining stock read back with it: for a viral
 * SKU every order queues on this row, so the lock is held for as few round trips as possible.
 */
async function reserveLine(tx: Tx, context: Context, line: StockLine): Promise<ReservedLine> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const result = await tx.execute<Reserved>(sql`
      with picked as (
        select id from public.inventory_levels
        where account_id = ${context.accountId} and sku_id = ${line.skuId} and on_hand - reserved >= ${line.quantity}
        order by (warehouse_id = ${context.preferredWarehouseId ?? ''}) desc, on_hand - reserved desc, warehouse_id
        limit 1),
      updated as (
        update public.inventory_levels l set reserved = l.reserved + ${line.quantity}, updated_at = now()
        from picked where l.id = picked.id and l.on_hand - l.reserved >= ${line.quantity}
        returning l.id, l.account_id, l.sku_id, l.warehouse_id, l.on_hand, l.reserved),
      ledger as (
        insert into public.inventory_movements (account_id, sku_id, warehouse_id, order_id, kind, on_hand_delta, reserved_delta, on_hand_after, reserved_after, reason, actor_id)
        select account_id, sku_id, warehouse_id, ${context.orderId}::uuid, 'reserve', 0, ${line.quantity}, on_hand, reserved, 'order reserved', ${context.actorId}::uuid from updated)
      select u.warehouse_id, u.on_hand, u.reserved, s.low_stock_threshold as threshold,
        (u.on_hand - u.reserved + coalesce((select sum(o.on_hand - o.reserved) from public.inventory_levels o where o.sku_id = u.sku_id and o.id <> u.id), 0))::int as available,
        exists (select 1 from public.alerts a where a.account_id = u.account_id and a.dedupe_key = 'low_stock:' || u.sku_id and a.resolved_at is null) as alerted
      from updated u join public.skus s on s.id = u.sku_id`);
    const row = result.rows[0];
    if (row) {
      return {
        skuId: line.skuId, warehouseId: row.warehouse_id, kind: 'reserve', onHandDelta: 0, reservedDelta: line.quantity,
        onHandAfter: row.on_hand, reservedAfter: row.reserved, availableAfter: row.available, lowStockThreshold: row.threshold, lowStockAlerted: row.alerted,
      };
    }
    // Lost a race for the row `picked` chose; another warehouse may still hold enough.
  }
  const total = await tx.execute<{ available: number | null }>(sql`
    select max(on_hand - reserved)::int as available from public.inventory_levels where account_id = ${context.accountId} and sku_id = ${line.skuId}`);
  throw new ShortStock(line.skuId, line.quantity, total.rows[0]?.available ?? 0);
}

/**
 * Reserves every line of an order or none. Lines are taken in SKU id order, so two orders sharing
 * SKUs lock their rows in the same order and cannot deadlock; each line comes from a single
 * warehouse. Several lines run in a savepoint rolled back as a whole when one SKU is short (one line
 * is one statement, atomic by itself). Callers hold the order (its workflow transition), so an
 * order is reserved at most once.
 */
export async function reserveOrderStock(
  tx: Tx,
  input: { accountId: string; orderId: string; lines: readonly StockLine[]; preferredWarehouseId?: string | null; actorId?: string | null },
): Promise<ReservationResult> {
  const lines = mergeLines(input.lines);
  const context: Context = { accountId: input.accountId, orderId: input.orderId, preferredWarehouseId: input.preferredWarehouseId ?? null, actorId: input.actorId ?? null };
  const reserveAll = async (t: Tx) => {
    const taken: ReservedLine[] = [];
    for (const line of lines) taken.push(await reserveLine(t, context, line));
    return taken;
  };
  try {
    const movements = lines.length === 1 ? await reserveAll(tx) : await tx.transaction(reserveAll);
    return { ok: true, movements };
  } catch (error) {
    if (error instanceof ShortStock) return { ok: false, shortSkuId: error.skuId, requested: error.requested, available: error.available };
    throw error;
  }
}

/**
 * Locks every warehouse row of these SKUs in one statement, in SKU order. A batch that reserves
 * for many orders takes this first: the per-order reservations then find their rows already held,
 * so two batches with SKUs in common queue on the first row instead of locking in opposite orders
 * and deadlocking. One order alone needs none (its lines go in SKU order already).
 */
export async function lockStockRows(tx: Tx, lines: readonly { accountId: string; skuId: string }[]): Promise<void> {
  const keys = [...new Map(lines.map((line) => [`${line.accountId}:${line.skuId}`, { account_id: line.accountId, sku_id: line.skuId }])).values()];
  if (keys.length === 0) return;
  await tx.execute(sql`
    select 1 from public.inventory_levels l
    join jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as k(account_id uuid, sku_id uuid) on l.account_id = k.account_id and l.sku_id = k.sku_id
    order by l.sku_id, l.warehouse_id
    for update of l`);
}
