import 'server-only';
import { sql } from 'drizzle-orm';
import type { Tx } from '@/lib/db';
import { allocateStock, type LevelState, type OrderDemand, type ReservationResult } from './allocate-stock';

type LevelRow = { id: string; account_id: string; sku_id: string; warehouse_id: string; on_hand: number; reserved: number; threshold: number; alerted: boolean };

/**
 * Locks every warehouse row of these SKUs (FOR UPDATE, in SKU then warehouse order, the lock order
 * of every stock writer, so two transactions cannot deadlock on them) and reads them with their
 * SKU's low-stock threshold and whether its low-stock alert is open.
 */
async function lockLevels(tx: Tx, orders: readonly OrderDemand[]): Promise<LevelState[]> {
  const keys = [...new Map(orders.flatMap((order) => order.lines.map((line) => [`${order.accountId}:${line.skuId}`, { account_id: order.accountId, sku_id: line.skuId }]))).values()];
  if (keys.length === 0) return [];
  const { rows } = await tx.execute<LevelRow>(sql`
    select l.id, l.account_id, l.sku_id, l.warehouse_id, l.on_hand, l.reserved, s.low_stock_threshold as threshold,
      exists (select 1 from public.alerts a where a.account_id = l.account_id and a.dedupe_key = 'low_stock:' || l.sku_id and a.resolved_at is null) as alerted
    from public.inventory_levels l
      join jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as k(account_id uuid, sku_id uuid) on l.account_id = k.account_id and l.sku_id = k.sku_id
      join public.skus s on s.id = l.sku_id
    order by l.sku_id, l.warehouse_id
    for update of l`);
  return rows.map((row) => ({
    id: row.id, accountId: row.account_id, skuId: row.sku_id, warehouseId: row.warehouse_id, onHand: row.on_hand, reserved: row.reserved,
    lowStockThreshold: row.threshold, lowStockAlerted: row.alerted,
  }));
}

/**
 * Reserves stock for a batch of orders, each all of its lines or none, in the order given (see
 * allocateStock for which warehouse a line comes from). The SKUs' rows are locked first, so the
 * numbers read are the numbers written: no other transaction can reserve, ship or adjust them until
 * this one ends, and a SKU is never reserved below zero under any concurrency. One more statement
 * then writes every level that changed and every ledger line; its update is conditional on the
 * row still holding what was read, as a guard against a writer that bypasses the lock. So a batch
 * of a viral SKU's orders costs two round trips, not one per order, while it holds the row every
 * other order of that SKU waits for. Callers hold the orders (their workflow transition), so an
 * order is reserved at most once. A bad quantity (allocateStock's mergeLines) throws with nothing
 * written, and the caller's transaction, locks included, rolls back.
 */
export async function reserveOrdersStock(tx: Tx, orders: readonly (OrderDemand & { actorId?: string | null })[]): Promise<ReservationResult[]> {
  const levels = await lockLevels(tx, orders);
  const { results, taken } = allocateStock(levels, orders);
  if (taken.size === 0) return results;

  const read = new Map(levels.map((level) => [level.id, level]));
  const changes = [...taken].map(([id, add]) => ({ id, reserved: read.get(id)!.reserved, add }));
  const lines = results.flatMap((result, index) => {
    if (!result.ok) return [];
    const order = orders[index]!;
    return result.movements.map((m) => ({
      account_id: order.accountId, sku_id: m.skuId, warehouse_id: m.warehouseId, order_id: order.orderId, quantity: m.reservedDelta,
      on_hand_after: m.onHandAfter, reserved_after: m.reservedAfter, actor_id: order.actorId ?? null,
    }));
  });
  const { rows } = await tx.execute<{ levels: number }>(sql`
    with updated as (
      update public.inventory_levels l set reserved = l.reserved + v.add, updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) as v(id uuid, reserved int, add int)
      where l.id = v.id and l.reserved = v.reserved and l.on_hand - l.reserved >= v.add
      returning l.id),
    ledger as (
      insert into public.inventory_movements (account_id, sku_id, warehouse_id, order_id, kind, on_hand_delta, reserved_delta, on_hand_after, reserved_after, reason, actor_id)
      select account_id, sku_id, warehouse_id, order_id, 'reserve', 0, quantity, on_hand_after, reserved_after, 'order reserved', actor_id
      from jsonb_to_recordset(${JSON.stringify(lines)}::jsonb)
        as m(account_id uuid, sku_id uuid, warehouse_id text, order_id uuid, quantity int, on_hand_after int, reserved_after int, actor_id uuid))
    select count(*)::int as levels from updated`);
  // Every row is locked by this transaction; a mismatch means something wrote it without the lock.
  if (rows[0]?.levels !== changes.length) throw new Error(`stock levels changed under their lock: ${rows[0]?.levels ?? 0} of ${changes.length} written`);
  return results;
}
