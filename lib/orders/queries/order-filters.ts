import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { ListOrdersQuery } from './schemas';

/** When an order was placed: TikTok's create time, or our ingest time if TikTok sent none. */
export const ORDER_DATE = sql.raw('coalesce(o.tiktok_created_at, o.created_at)');

/** An order is overdue when its dispatch deadline has passed and it has not left the building. */
export const OVERDUE = sql.raw(
  "coalesce(o.dispatch_deadline < now() and o.shipped_at is null and o.workflow_status not in ('shipped', 'completed', 'cancelled'), false)",
);

/** Escapes LIKE wildcards so a search for "50%" means the characters, not a pattern. */
export const likePattern = (term: string): string => `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/**
 * The WHERE clause of the orders list for one account (alias `o`). Always filters by account_id,
 * even though RLS also would: a query must never rely on a policy to pick the tenant.
 * `ignoreStatus` builds the facet query behind the status tabs' counts.
 */
export function orderFilterSql(
  accountId: string,
  query: ListOrdersQuery,
  options: { ignoreStatus?: boolean } = {},
): SQL {
  const conditions: SQL[] = [sql`o.account_id = ${accountId}`];
  if (query.status.length && !options.ignoreStatus)
    conditions.push(sql`o.order_status = any(${sql.param(query.status)}::text[])`);
  if (query.workflow_status.length)
    conditions.push(sql`o.workflow_status = any(${sql.param(query.workflow_status)}::text[])`);
  if (query.priority.length) conditions.push(sql`o.priority = any(${sql.param(query.priority)}::text[])`);
  if (query.date_from) conditions.push(sql`${ORDER_DATE} >= ${query.date_from.toISOString()}::timestamptz`);
  if (query.date_to) conditions.push(sql`${ORDER_DATE} < ${query.date_to.toISOString()}::timestamptz`);
  if (query.overdue === true) conditions.push(OVERDUE);
  if (query.overdue === false) conditions.push(sql`not ${OVERDUE}`);
  if (query.search) {
    const pattern = likePattern(query.search);
    // Order id, buyer, tracking number on the order or any of its shipments, SKU or product name.
    conditions.push(sql`(
      o.tiktok_order_id ilike ${pattern}
      or o.recipient->>'name' ilike ${pattern}
      or o.buyer_email ilike ${pattern}
      or o.tracking_number ilike ${pattern}
      or exists (select 1 from public.order_items i where i.order_id = o.id
        and (i.seller_sku ilike ${pattern} or i.product_name ilike ${pattern} or i.sku_name ilike ${pattern} or i.tiktok_sku_id = ${query.search}))
      or exists (select 1 from public.shipments s where s.order_id = o.id and s.tracking_number ilike ${pattern})
    )`);
  }
  return sql.join(conditions, sql` and `);
}

const SORT_COLUMNS: Record<ListOrdersQuery['sort_by'], SQL> = {
  order_date: ORDER_DATE,
  updated_at: sql.raw('o.updated_at'),
  total_amount: sql.raw('o.total_cents'),
};

/** ORDER BY for the list; the id tiebreak keeps pages stable when many rows share a time. */
export function orderSortSql(query: ListOrdersQuery): SQL {
  const direction = sql.raw(query.sort_order === 'asc' ? 'asc' : 'desc');
  return sql`${SORT_COLUMNS[query.sort_by]} ${direction}, o.id ${direction}`;
}
