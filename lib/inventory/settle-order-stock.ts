import 'server-only';
import { sql } from 'drizzle-orm';
import type { Tx } from '@/lib/db';
import type { Movement } from './record-movements';

type Held = { sku_id: string; warehouse_id: string; held: number };
type LevelRow = { on_hand: number; reserved: number };

/**
 * What an order still holds, per SKU and warehouse, read back from the ledger: reserve movements
 * minus what was already released or shipped. Reading the ledger (not the order) makes release and
 * ship idempotent: a second run finds nothing held and changes nothing. SKU order is the lock order.
 */
const heldByOrderSql = (accountId: string, orderId: string) => sql`
  select sku_id, warehouse_id, sum(reserved_delta)::int as held
  from public.inventory_movements
  where account_id = ${accountId} and order_id = ${orderId}
  group by sku_id, warehouse_id
  having sum(reserved_delta) > 0
  order by sku_id, warehouse_id`;

async function heldByOrder(tx: Tx, accountId: string, orderId: string): Promise<Held[]> {
  return (await tx.execute<Held>(heldByOrderSql(accountId, orderId))).rows;
}

/** Gives an order's reserved units back (cancellation, failure): available goes up. */
export async function releaseOrderStock(tx: Tx, input: { accountId: string; orderId: string; reason: string; actorId?: string | null }): Promise<Movement[]> {
  const movements: Movement[] = [];
  for (const line of await heldByOrder(tx, input.accountId, input.orderId)) {
    // One statement changes the level and writes its ledger line.
    const updated = await tx.execute<LevelRow>(sql`
      with updated as (
        update public.inventory_levels
        set reserved = reserved - ${line.held}, updated_at = now()
        where account_id = ${input.accountId} and sku_id = ${line.sku_id} and warehouse_id = ${line.warehouse_id}
          and reserved >= ${line.held}
        returning account_id, sku_id, warehouse_id, on_hand, reserved),
      ledger as (
        insert into public.inventory_movements (account_id, sku_id, warehouse_id, order_id, kind, on_hand_delta, reserved_delta, on_hand_after, reserved_after, reason, actor_id)
        select account_id, sku_id, warehouse_id, ${input.orderId}::uuid, 'release', 0, ${-line.held}, on_hand, reserved, ${input.reason}, ${input.actorId ?? null}::uuid
        from updated)
      select on_hand, reserved from updated`);
    const row = updated.rows[0];
    // The ledger says the order holds these units; a level without them means someone edited
    // inventory_levels outside this module. Refuse rather than guess.
    if (!row) throw new Error(`inventory_levels for SKU ${line.sku_id} in ${line.warehouse_id} does not hold ${line.held} reserved units`);
    movements.push({
      skuId: line.sku_id, warehouseId: line.warehouse_id, kind: 'release', onHandDelta: 0,
      reservedDelta: -line.held, onHandAfter: row.on_hand, reservedAfter: row.reserved,
    });
  }
  return movements;
}

export type ShippedLine = { skuId: string; warehouseId: string; units: number };

/**
 * The units left the building: on hand and reserved both go down, available stays the same. One
 * statement writes a 'ship' ledger line for everything the orders hold; the level itself changes
 * inside COMMIT (deferred trigger private.apply_ship_movement), so a viral SKU's stock row is not
 * held while this transaction's remaining round trips run. Idempotent like release: a second run
 * finds nothing held. Lines go in SKU order, the lock order of reservations, so commits that touch
 * several SKUs cannot deadlock with them. Returns each order's shipped lines (none for an order
 * that held nothing).
 */
export async function shipOrdersStock(
  tx: Tx,
  orders: readonly { accountId: string; orderId: string }[],
  input: { reason: string; actorId?: string | null },
): Promise<Map<string, ShippedLine[]>> {
  const byOrder = new Map<string, ShippedLine[]>(orders.map((order) => [order.orderId, []]));
  if (orders.length === 0) return byOrder;
  const refs = orders.map((order) => ({ account_id: order.accountId, order_id: order.orderId }));
  const shipped = await tx.execute<{ order_id: string; sku_id: string; warehouse_id: string; units: number }>(sql`
    insert into public.inventory_movements (account_id, sku_id, warehouse_id, order_id, kind, on_hand_delta, reserved_delta, on_hand_after, reserved_after, reason, actor_id)
    select h.account_id, h.sku_id, h.warehouse_id, h.order_id, 'ship', -h.held, -h.held, 0, 0, ${input.reason}, ${input.actorId ?? null}::uuid
    from (
      select m.account_id, m.order_id, m.sku_id, m.warehouse_id, sum(m.reserved_delta)::int as held
      from jsonb_to_recordset(${JSON.stringify(refs)}::jsonb) as r(account_id uuid, order_id uuid)
        join public.inventory_movements m on m.account_id = r.account_id and m.order_id = r.order_id
      group by m.account_id, m.order_id, m.sku_id, m.warehouse_id
      having sum(m.reserved_delta) > 0
      order by m.sku_id, m.warehouse_id, m.order_id) h
    returning order_id, sku_id, warehouse_id, -reserved_delta as units`);
  for (const row of shipped.rows) byOrder.get(row.order_id)?.push({ skuId: row.sku_id, warehouseId: row.warehouse_id, units: row.units });
  return byOrder;
}
