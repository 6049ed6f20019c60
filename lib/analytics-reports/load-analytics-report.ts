import 'server-only';
import { sql } from 'drizzle-orm';
import { withRls, type JwtClaims } from '@/lib/db';
import { summarizeDurations, type HistogramBucket } from './percentiles';
import { fillSeries, resolveRange, type RangeKey } from './ranges';
import type { AnalyticsReport } from './types';
import { summarizeVideos, type VideoHour } from './videos';

const PLACED = sql.raw('coalesce(o.tiktok_created_at, o.created_at)');
const TOP_VIDEOS = 20;

/**
 * The analytics report of one account for a range, in one RLS transaction. The database does the
 * heavy grouping (hourly/daily buckets, a duration histogram, per-video hours) so that a viral
 * month of orders stays a few hundred rows; the pure functions of this folder finish the maths.
 * Cancelled orders count as cancelled, not as sales.
 */
export async function loadAnalyticsReport(
  context: { accountId: string; claims: JwtClaims },
  key: RangeKey,
  now = new Date(),
): Promise<AnalyticsReport> {
  const range = resolveRange(key, now);
  const from = range.from.toISOString();
  const to = range.to.toISOString();
  const unit = sql.raw(`'${range.granularity}'`);
  const inRange = sql`o.account_id = ${context.accountId} and ${PLACED} >= ${from}::timestamptz and ${PLACED} < ${to}::timestamptz`;

  return withRls(context.claims, async (tx) => {
    const totals = await tx.execute<{
      orders: number;
      revenue: number;
      cancelled: number;
      currency: string | null;
    }>(sql`
      select count(*) filter (where o.order_status <> 'CANCELLED')::int as orders,
        coalesce(sum(o.total_cents) filter (where o.order_status <> 'CANCELLED'), 0)::float8 as revenue,
        count(*) filter (where o.order_status = 'CANCELLED')::int as cancelled, mode() within group (order by o.currency) as currency
      from public.orders o where ${inRange}`);
    const units = await tx.execute<{ units: number }>(sql`
      select coalesce(sum(i.quantity), 0)::int as units from public.order_items i join public.orders o on o.id = i.order_id
      where ${inRange} and i.account_id = ${context.accountId} and o.order_status <> 'CANCELLED'`);
    const series = await tx.execute<{ bucket: Date | string; orders: number; revenue_cents: number }>(sql`
      select date_trunc(${unit}, ${PLACED}, 'UTC') as bucket, count(*)::int as orders, sum(o.total_cents)::float8 as revenue_cents
      from public.orders o where ${inRange} and o.order_status <> 'CANCELLED' group by 1`);
    const hourOfDay = await tx.execute<{ hour: number; orders: number }>(sql`
      select extract(hour from ${PLACED} at time zone 'UTC')::int as hour, count(*)::int as orders
      from public.orders o where ${inRange} and o.order_status <> 'CANCELLED' group by 1`);
    // Paid → shipped, for orders shipped in the range: 1 s buckets under 10 min, 1 min buckets above.
    const durations = await tx.execute<HistogramBucket & { on_time: number; with_deadline: number }>(sql`
      with d as (
        select extract(epoch from o.shipped_at - o.paid_at) as seconds, o.shipped_at <= o.dispatch_deadline as on_time
        from public.orders o
        where o.account_id = ${context.accountId} and o.shipped_at >= ${from}::timestamptz and o.shipped_at < ${to}::timestamptz
          and o.paid_at is not null and o.shipped_at >= o.paid_at
      )
      select case when seconds < 600 then floor(seconds) else floor(seconds / 60) * 60 end::float8 as start,
        case when seconds < 600 then 1 else 60 end as width, count(*)::int as count,
        count(*) filter (where on_time)::int as on_time, count(on_time)::int as with_deadline
      from d group by 1, 2`);
    const spend = await tx.execute<{ bucket: Date | string; labels: number; cost_cents: number }>(sql`
      select date_trunc(${unit}, s.purchased_at, 'UTC') as bucket, count(*)::int as labels, coalesce(sum(s.rate_amount_cents), 0)::float8 as cost_cents
      from public.shipments s
      where s.account_id = ${context.accountId} and s.purchased_at >= ${from}::timestamptz and s.purchased_at < ${to}::timestamptz
        and s.status in ('purchased', 'void_pending')
      group by 1`);
    const products = await tx.execute<AnalyticsReport['top_products'][number]>(sql`
      select i.tiktok_product_id, min(i.product_name) as product_name, sum(i.quantity)::int as units,
        count(distinct o.id)::int as orders, sum(i.quantity * i.unit_price_cents)::float8 as revenue_cents
      from public.order_items i join public.orders o on o.id = i.order_id
      where ${inRange} and i.account_id = ${context.accountId} and o.order_status <> 'CANCELLED'
      group by i.tiktok_product_id order by units desc, revenue_cents desc limit 10`);
    const videoHours = await tx.execute<VideoHour>(sql`
      with top as (
        select o.viral_content_id from public.orders o
        where ${inRange} and o.viral_content_id is not null and o.order_status <> 'CANCELLED'
        group by 1 order by sum(o.total_cents) desc limit ${TOP_VIDEOS}
      )
      select o.viral_content_id, date_trunc('hour', ${PLACED}, 'UTC') as hour, count(*)::int as orders,
        coalesce(sum((select sum(i.quantity) from public.order_items i where i.order_id = o.id)), 0)::int as units,
        sum(o.total_cents)::float8 as revenue_cents
      from public.orders o join top t on t.viral_content_id = o.viral_content_id
      where ${inRange} and o.order_status <> 'CANCELLED'
      group by 1, 2`);

    const total = totals.rows[0]!;
    const fulfilled = summarizeDurations(durations.rows);
    const onTime = durations.rows.reduce((sum, row) => sum + row.on_time, 0);
    const withDeadline = durations.rows.reduce((sum, row) => sum + row.with_deadline, 0);
    const spendSeries = fillSeries(range, spend.rows, { labels: 0, cost_cents: 0 });
    const labels = spendSeries.reduce((sum, point) => sum + point.labels, 0);
    const cost = spendSeries.reduce((sum, point) => sum + point.cost_cents, 0);
    const hours = new Map(hourOfDay.rows.map((row) => [row.hour, row.orders]));
    return {
      range: { key, from, to, granularity: range.granularity },
      currency: total.currency ?? 'USD',
      totals: {
        orders: total.orders,
        revenue_cents: total.revenue,
        units: units.rows[0]?.units ?? 0,
        average_order_cents: total.orders ? Math.round(total.revenue / total.orders) : null,
        cancelled: total.cancelled,
      },
      series: fillSeries(range, series.rows, { orders: 0, revenue_cents: 0 }),
      hour_of_day: Array.from({ length: 24 }, (_, hour) => ({ hour, orders: hours.get(hour) ?? 0 })),
      fulfillment: {
        shipped: fulfilled.count,
        p50_seconds: fulfilled.p50,
        p95_seconds: fulfilled.p95,
        on_time_rate: withDeadline ? Math.round((onTime / withDeadline) * 1000) / 1000 : null,
      },
      label_spend: {
        labels,
        cost_cents: cost,
        average_cents: labels ? Math.round(cost / labels) : null,
        series: spendSeries,
      },
      top_products: products.rows,
      videos: summarizeVideos(videoHours.rows, total.revenue),
    };
  });
}
