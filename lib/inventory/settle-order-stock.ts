import 'server-only';
import { sql } from 'drizzle-orm';
import type { Tx } from '@/lib/db';
import type { Movement } from './record-movements';

type Held = { sku_id: string; warehouse_id: string; held: number };
type LevelRow = { on_hand: number; reserved: number };

/**
 * What an order still holds, read back from the ledger: reserve movements minus what was already
 * released or shipped. Reading the ledger (not the order) makes release and ship idempotent: a
 * second run finds nothing held and changes nothing.
 */
async function heldByOrder(tx: Tx, accountId: string, orderId: string): Promise<Held[]> {
  const result = await tx.execute<Held>(sql`
    select sku_id, warehouse_id, sum(reserved_delta)::int as held
    from public.inventory_movements
    where account_id = ${accountId} and order_id = ${orderId}
    group by sku_id, warehouse_id
    having sum(reserved_delta) > 0
    order by sku_id, warehouse_id`);
  return result.rows;
}

async function settle(
  tx: Tx,
  input: { accountId: string; orderId: string; reason: string; actorId?: string | null },
  kind: 'release' | 'ship',
): Promise<Movement[]> {
  const movements: Movement[] = [];
  for (const line of await heldByOrder(tx, input.accountId, input.orderId)) {
    const onHandDelta = kind === 'ship' ? -line.held : 0;
    // One statement changes the level and writes its ledger line: a viral SKU's level row is
    // locked from here to COMMIT, so nothing else runs in between (see the workflow's runOrder).
    const updated = await tx.execute<LevelRow>(sql`
      with updated as (
        update public.inventory_levels
        set reserved = reserved - ${line.held}, on_hand = on_hand + ${onHandDelta}, updated_at = now()
        where account_id = ${input.accountId} and sku_id = ${line.sku_id} and warehouse_id = ${line.warehouse_id}
          and reserved >= ${line.held}
        returning account_id, sku_id, warehouse_id, on_hand, reserved),
      ledger as (
        insert into public.inventory_movements (account_id, sku_id, warehouse_id, order_id, kind, on_hand_delta, reserved_delta, on_hand_after, reserved_after, reason, actor_id)
        select account_id, sku_id, warehouse_id, ${input.orderId}::uuid, ${kind}, ${onHandDelta}, ${-line.held}, on_hand, reserved, ${input.reason}, ${input.actorId ?? null}::uuid
        from updated)
      select on_hand, reserved from updated`);
    const row = updated.rows[0];
    // The ledger says the order holds these units; a level without them means someone edited
    // inventory_levels outside this module. Refuse rather than guess.
    if (!row) throw new Error(`inventory_levels for SKU ${line.sku_id} in ${line.warehouse_id} does not hold ${line.held} reserved units`);
    movements.push({
      skuId: line.sku_id, warehouseId: line.warehouse_id, kind, onHandDelta,
      reservedDelta: -line.held, onHandAfter: row.on_hand, reservedAfter: row.reserved,
    });
  }
  return movements;
}

/** Gives an order's reserved units back (cancellation, failure): available goes up. */
export function releaseOrderStock(tx: Tx, input: { accountId: string; orderId: string; reason: string; actorId?: string | null }): Promise<Movement[]> {
  return settle(tx, input, 'release');
}

/** The units left the building: on hand and reserved both go down, available stays the same. */
export function shipOrderStock(tx: Tx, input: { accountId: string; orderId: string; reason: string; actorId?: string | null }): Promise<Movement[]> {
  return settle(tx, input, 'ship');
}
