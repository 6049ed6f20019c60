import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { tables, type DbOrTx } from '@/lib/db';
import type { OrderSnapshot, SnapshotItem, SnapshotShipment } from './snapshot';

/**
 * The order, its lines (with each SKU's weight) and its newest shipment; null if not this account's.
 * One statement: the workflow reads a snapshot at every step, so the lines and the shipment come back
 * as JSON beside the order row instead of in two more round trips.
 */
export async function loadOrderSnapshot(tx: DbOrTx, input: { accountId: string; orderId: string }): Promise<OrderSnapshot | null> {
  const { orders } = tables;
  const [row] = await tx
    .select({
      order: orders,
      // Raw column names: drizzle leaves columns unqualified in a one-table select, and these
      // subqueries need the outer "orders" row told apart from their own tables.
      items: sql<SnapshotItem[]>`coalesce((
        select json_agg(json_build_object(
          'skuId', oi.sku_id, 'tiktokSkuId', oi.tiktok_sku_id, 'tiktokProductId', oi.tiktok_product_id,
          'sellerSku', oi.seller_sku, 'productName', oi.product_name, 'quantity', oi.quantity,
          'unitPriceCents', oi.unit_price_cents, 'weightGrams', sk.weight_grams
        ) order by oi.tiktok_sku_id)
        from public.order_items oi left join public.skus sk on sk.id = oi.sku_id
        where oi.order_id = "orders"."id" and oi.account_id = "orders"."account_id"
      ), '[]'::json)`,
      shipment: sql<SnapshotShipment | null>`(
        select json_build_object(
          'id', sh.id, 'status', sh.status, 'carrier', sh.carrier, 'trackingNumber', sh.tracking_number,
          'trackingUrl', sh.tracking_url, 'provider', sh.provider, 'servicelevelName', sh.servicelevel_name,
          'trackingStatus', sh.tracking_status, 'trackingStatusRank', sh.tracking_status_rank
        )
        from public.shipments sh
        where sh.order_id = "orders"."id" and sh.account_id = "orders"."account_id"
        order by sh.created_at desc
        limit 1
      )`,
    })
    .from(orders)
    .where(and(eq(orders.id, input.orderId), eq(orders.accountId, input.accountId)));
  if (!row) return null;
  return { order: row.order, items: row.items, shipment: row.shipment ?? null };
}
