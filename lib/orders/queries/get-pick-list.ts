import 'server-only';
import { sql } from 'drizzle-orm';
import { withRls } from '@/lib/db';
import type { ReadContext } from './list-orders';
import type { PickList, PickListLine } from './types';

type OrderRow = PickList['orders'][number];

/**
 * What to take off the shelves for a set of orders: one line per SKU with the total quantity, sorted
 * by seller SKU (the order most shelves are labelled in). Ids of other accounts or unknown orders are
 * reported as missing, not silently dropped.
 */
export async function getPickList(context: ReadContext, orderIds: string[]): Promise<PickList> {
  return withRls(context.claims, async (tx) => {
    const orders = await tx.execute<OrderRow>(sql`
      select o.id, o.tiktok_order_id, o.recipient->>'name' as buyer_name,
        coalesce((select sum(i.quantity) from public.order_items i where i.order_id = o.id), 0)::int as item_count
      from public.orders o
      where o.account_id = ${context.accountId} and o.id = any(${sql.param(orderIds)}::uuid[])
      order by coalesce(o.tiktok_created_at, o.created_at), o.id`);
    const lines = await tx.execute<PickListLine>(sql`
      select i.sku_id, i.seller_sku, i.product_name, i.sku_name, sum(i.quantity)::int as quantity,
        count(distinct i.order_id)::int as order_count,
        array_agg(distinct o.tiktok_order_id order by o.tiktok_order_id) as tiktok_order_ids
      from public.order_items i
      join public.orders o on o.id = i.order_id
      where i.account_id = ${context.accountId} and i.order_id = any(${sql.param(orderIds)}::uuid[])
      group by i.sku_id, i.tiktok_sku_id, i.seller_sku, i.product_name, i.sku_name
      order by i.seller_sku nulls last, i.product_name, i.sku_name`);
    const found = new Set(orders.rows.map((order) => order.id));
    return {
      orders: orders.rows,
      lines: lines.rows,
      total_units: lines.rows.reduce((sum, line) => sum + line.quantity, 0),
      missing_ids: orderIds.filter((id) => !found.has(id)),
    };
  });
}
