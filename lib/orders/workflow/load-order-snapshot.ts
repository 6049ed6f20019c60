import 'server-only';
import { sql } from 'drizzle-orm';
import { inPairs, tables, type DbOrTx } from '@/lib/db';
import type { OrderSnapshot, SnapshotItem, SnapshotShipment } from './snapshot';

/**
 * The lines (with each SKU's weight) and newest shipment of the `orders` row in scope, as JSON. Both
 * are found by order id alone: lines and shipments are written with their order's account, and an
 * account condition here let the planner pick the account's index and filter every line or
 * shipment of the account by order, per order (it did, with statistics taken before a burst).
 */
const items = sql<SnapshotItem[]>`coalesce((
  select json_agg(json_build_object(
    'skuId', oi.sku_id, 'tiktokSkuId', oi.tiktok_sku_id, 'tiktokProductId', oi.tiktok_product_id,
    'sellerSku', oi.seller_sku, 'productName', oi.product_name, 'quantity', oi.quantity,
    'unitPriceCents', oi.unit_price_cents, 'weightGrams', sk.weight_grams
  ) order by oi.tiktok_sku_id)
  from public.order_items oi left join public.skus sk on sk.id = oi.sku_id
  where oi.order_id = "orders"."id"
), '[]'::json)`;
const shipment = sql<SnapshotShipment | null>`(
  select json_build_object(
    'id', sh.id, 'status', sh.status, 'carrier', sh.carrier, 'trackingNumber', sh.tracking_number,
    'trackingUrl', sh.tracking_url, 'provider', sh.provider, 'servicelevelName', sh.servicelevel_name,
    'trackingStatus', sh.tracking_status, 'trackingStatusRank', sh.tracking_status_rank
  )
  from public.shipments sh
  where sh.order_id = "orders"."id"
  order by sh.created_at desc
  limit 1
)`;

/**
 * The order, its lines (with each SKU's weight) and its newest shipment; null if not this account's.
 * One statement: the workflow reads a snapshot at every step, so the lines and the shipment come back
 * as JSON beside the order row instead of in two more round trips.
 */
export async function loadOrderSnapshot(tx: DbOrTx, input: { accountId: string; orderId: string }): Promise<OrderSnapshot | null> {
  const [snapshot] = await loadOrderSnapshots(tx, [input]);
  return snapshot ?? null;
}

/**
 * Snapshots of many orders in one statement (the workflow engine's batch), oldest order first (so a
 * batch reserves stock and counts velocity in the order buyers placed them); an order that is not
 * its account's is left out.
 */
export async function loadOrderSnapshots(tx: DbOrTx, refs: readonly { accountId: string; orderId: string }[]): Promise<OrderSnapshot[]> {
  if (refs.length === 0) return [];
  const { orders } = tables;
  // Raw column names in the subqueries: drizzle leaves columns unqualified in a one-table select,
  // and these need the outer "orders" row told apart from their own tables.
  const rows = await tx
    .select({ order: orders, items, shipment })
    .from(orders)
    .where(inPairs([orders.id, orders.accountId], refs.map((ref) => [ref.orderId, ref.accountId])))
    .orderBy(sql`coalesce("orders"."tiktok_created_at", "orders"."created_at")`, orders.id);
  return rows.map((row) => ({ order: row.order, items: row.items, shipment: row.shipment ?? null }));
}
