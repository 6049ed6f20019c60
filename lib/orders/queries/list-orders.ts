import 'server-only';
import { sql } from 'drizzle-orm';
import { withRls, type JwtClaims } from '@/lib/db';
import type { TikTokOrderStatus } from '@/lib/db/schema/orders';
import {
  mapOrderListRow,
  ORDER_COLUMNS,
  ORDER_LATERALS,
  toAmount,
  type OrderRowFromSql,
} from './map-order-row';
import { orderFilterSql, orderSortSql } from './order-filters';
import { ORDER_STATUS_VALUES, type ListOrdersQuery } from './schemas';
import type { ListOrdersResponse, OrdersSummary } from './types';

/** Who reads: the current account and the claims RLS checks. AccountContext satisfies it. */
export type ReadContext = { accountId: string; claims: JwtClaims };

type FacetRow = { order_status: TikTokOrderStatus; orders: number; total_cents: number };

/**
 * One page of the account's orders with the contract's pagination and summary. Two statements in
 * one RLS transaction: a facet query (counts and amounts per TikTok status, ignoring the status
 * filter so the status tabs can show their counts) and the page itself.
 */
export async function listOrders(context: ReadContext, query: ListOrdersQuery): Promise<ListOrdersResponse> {
  return withRls(context.claims, async (tx) => {
    const facets = await tx.execute<FacetRow>(sql`
      select o.order_status, count(*)::int as orders, coalesce(sum(o.total_cents), 0)::float8 as total_cents
      from public.orders o
      where ${orderFilterSql(context.accountId, query, { ignoreStatus: true })}
      group by o.order_status`);
    const summary = summarize(facets.rows, query.status);

    const offset = (query.page - 1) * query.limit;
    const page =
      summary.total_orders > offset
        ? await tx.execute<OrderRowFromSql>(sql`
            select ${ORDER_COLUMNS}
            from public.orders o
            ${ORDER_LATERALS}
            where ${orderFilterSql(context.accountId, query)}
            order by ${orderSortSql(query)}
            limit ${query.limit} offset ${offset}`)
        : { rows: [] };

    return {
      orders: page.rows.map(mapOrderListRow),
      pagination: {
        page: query.page,
        limit: query.limit,
        total: summary.total_orders,
        total_pages: Math.ceil(summary.total_orders / query.limit),
      },
      summary,
    };
  });
}

/** Folds the per-status facet rows into the contract's summary. Exported for unit tests. */
export function summarize(rows: FacetRow[], statusFilter: readonly TikTokOrderStatus[]): OrdersSummary {
  const breakdown = Object.fromEntries(ORDER_STATUS_VALUES.map((status) => [status, 0])) as Record<
    TikTokOrderStatus,
    number
  >;
  let totalOrders = 0;
  let totalCents = 0;
  for (const row of rows) {
    breakdown[row.order_status] = row.orders;
    if (statusFilter.length === 0 || statusFilter.includes(row.order_status)) {
      totalOrders += row.orders;
      totalCents += Number(row.total_cents);
    }
  }
  return { total_orders: totalOrders, total_amount: toAmount(totalCents), status_breakdown: breakdown };
}
