import 'server-only';
import { sql, type SQL } from 'drizzle-orm';

/**
 * Units sold per SKU of an account in the last 24 hours and 7 days, by when the order was placed
 * (cancelled orders excluded), and the last sale: the sales figures behind velocity.ts, shared by
 * the inventory page and the low-stock alert so both show the same numbers. A select for a CTE.
 */
export function unitsSoldBySku(accountId: string, skuIds?: readonly string[]): SQL {
  const only = skuIds ? sql`and i.sku_id in (${sql.join(skuIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``;
  return sql`
    select i.sku_id,
      coalesce(sum(i.quantity) filter (where coalesce(o.tiktok_created_at, o.created_at) >= now() - interval '24 hours'), 0)::int as units_24h,
      sum(i.quantity)::int as units_7d, max(coalesce(o.tiktok_created_at, o.created_at)) as last_sold_at
    from public.order_items i join public.orders o on o.id = i.order_id
    where i.account_id = ${accountId} and o.account_id = ${accountId} and i.sku_id is not null ${only}
      and coalesce(o.tiktok_created_at, o.created_at) >= now() - interval '7 days' and o.order_status <> 'CANCELLED'
    group by i.sku_id`;
}
