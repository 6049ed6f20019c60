import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { withRls } from '@/lib/db';
import type { ReadContext } from './list-orders';
import { iso, toAmount } from './map-order-row';
import { isPrintableLabel, labelDownloadPath } from './load-order-shipping';

export const SHIPMENT_STATUS_VALUES = [
  'pending',
  'quoted',
  'purchasing',
  'unknown_outcome',
  'purchased',
  'failed',
  'void_pending',
  'voided',
] as const;

/** The /shipping page's query (from its URL). */
export const listShipmentsQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  status: z.enum(SHIPMENT_STATUS_VALUES).optional().catch(undefined),
  tracking_status: z.string().trim().max(40).optional(),
});
export type ListShipmentsQuery = z.output<typeof listShipmentsQuerySchema>;

export type ShipmentListItem = {
  id: string;
  order_id: string;
  tiktok_order_id: string;
  buyer_name: string | null;
  carrier: string;
  provider: string | null;
  service: string | null;
  status: string;
  cost_cents: number | null;
  currency: string | null;
  tracking_number: string | null;
  tracking_url: string | null;
  tracking_status: string;
  last_tracking_at: string | null;
  purchased_at: string | null;
  created_at: string;
  label_download_url: string | null;
  last_error: string | null;
};

type Row = Omit<
  ShipmentListItem,
  'last_tracking_at' | 'purchased_at' | 'created_at' | 'label_download_url'
> & {
  last_tracking_at: Date | string | null;
  purchased_at: Date | string | null;
  created_at: Date | string;
  has_label: boolean;
  total: number;
};

/** Labels of the account, newest first, with their order, cost and tracking state. */
export async function listShipments(
  context: ReadContext,
  query: ListShipmentsQuery,
): Promise<{ shipments: ShipmentListItem[]; total: number; page: number; limit: number }> {
  const conditions = [sql`s.account_id = ${context.accountId}`];
  if (query.status) conditions.push(sql`s.status = ${query.status}`);
  if (query.tracking_status) conditions.push(sql`s.tracking_status = ${query.tracking_status}`);
  const result = await withRls(context.claims, (tx) =>
    tx.execute<Row>(sql`
      select s.id, s.order_id, o.tiktok_order_id, o.recipient->>'name' as buyer_name, s.carrier, s.provider,
        coalesce(s.servicelevel_name, s.service_level) as service, s.status, s.rate_amount_cents as cost_cents, s.currency,
        s.tracking_number, s.tracking_url, s.tracking_status, s.last_tracking_at, s.purchased_at, s.created_at, s.last_error,
        (s.label_url is not null or exists (select 1 from public.label_documents d where d.shipment_id = s.id)) as has_label,
        count(*) over ()::int as total
      from public.shipments s
      join public.orders o on o.id = s.order_id
      where ${sql.join(conditions, sql` and `)}
      order by coalesce(s.purchased_at, s.created_at) desc, s.id desc
      limit ${query.limit} offset ${(query.page - 1) * query.limit}`),
  );
  return {
    shipments: result.rows.map(({ has_label, total: _total, ...row }) => ({
      ...row,
      last_tracking_at: iso(row.last_tracking_at),
      purchased_at: iso(row.purchased_at),
      created_at: iso(row.created_at)!,
      label_download_url: has_label && isPrintableLabel(row.status) ? labelDownloadPath(row.id) : null,
    })),
    total: result.rows[0]?.total ?? 0,
    page: query.page,
    limit: query.limit,
  };
}

export type ShippingSummary = {
  spend: { window: '24h' | '7d' | '30d'; labels: number; cost: number; currency: string }[];
  by_service: { provider: string; service: string; labels: number; cost: number; average_cost: number }[];
  tracking: { status: string; shipments: number }[];
  needs_attention: number;
};

/**
 * Label spend (purchased, not voided) over 24 h, 7 d and 30 d; spend per carrier service over 30 d;
 * tracking states of the last 30 days' labels; and shipments stuck in failed or unknown purchase states.
 */
export async function getShippingSummary(context: ReadContext): Promise<ShippingSummary> {
  return withRls(context.claims, async (tx) => {
    const spend = await tx.execute<{
      labels_24h: number;
      cost_24h: number;
      labels_7d: number;
      cost_7d: number;
      labels_30d: number;
      cost_30d: number;
      currency: string | null;
    }>(sql`
      select count(*) filter (where s.purchased_at >= now() - interval '24 hours')::int as labels_24h,
        coalesce(sum(s.rate_amount_cents) filter (where s.purchased_at >= now() - interval '24 hours'), 0)::float8 as cost_24h,
        count(*) filter (where s.purchased_at >= now() - interval '7 days')::int as labels_7d,
        coalesce(sum(s.rate_amount_cents) filter (where s.purchased_at >= now() - interval '7 days'), 0)::float8 as cost_7d,
        count(*)::int as labels_30d, coalesce(sum(s.rate_amount_cents), 0)::float8 as cost_30d, max(s.currency) as currency
      from public.shipments s
      where s.account_id = ${context.accountId} and s.purchased_at >= now() - interval '30 days' and s.status in ('purchased', 'void_pending')`);
    const services = await tx.execute<{
      provider: string;
      service: string;
      labels: number;
      cost: number;
    }>(sql`
      select coalesce(s.provider, s.carrier) as provider, coalesce(s.servicelevel_name, s.service_level) as service,
        count(*)::int as labels, coalesce(sum(s.rate_amount_cents), 0)::float8 as cost
      from public.shipments s
      where s.account_id = ${context.accountId} and s.purchased_at >= now() - interval '30 days' and s.status in ('purchased', 'void_pending')
      group by 1, 2 order by cost desc`);
    const tracking = await tx.execute<{ status: string; shipments: number }>(sql`
      select s.tracking_status as status, count(*)::int as shipments
      from public.shipments s
      where s.account_id = ${context.accountId} and s.created_at >= now() - interval '30 days' and s.status = 'purchased'
      group by 1 order by 2 desc`);
    const attention = await tx.execute<{ count: number }>(sql`
      select count(*)::int as count from public.shipments s
      where s.account_id = ${context.accountId} and s.status in ('failed', 'unknown_outcome', 'void_pending')`);
    const row = spend.rows[0]!;
    const currency = row.currency ?? 'USD';
    return {
      spend: [
        { window: '24h', labels: row.labels_24h, cost: toAmount(row.cost_24h), currency },
        { window: '7d', labels: row.labels_7d, cost: toAmount(row.cost_7d), currency },
        { window: '30d', labels: row.labels_30d, cost: toAmount(row.cost_30d), currency },
      ],
      by_service: services.rows.map((service) => ({
        ...service,
        cost: toAmount(service.cost),
        average_cost: service.labels ? toAmount(service.cost / service.labels) : 0,
      })),
      tracking: tracking.rows,
      needs_attention: attention.rows[0]?.count ?? 0,
    };
  });
}
