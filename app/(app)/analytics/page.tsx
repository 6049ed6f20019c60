import { BarChart3 } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { HourOfDayChart, LabelSpendChart, OrdersRevenueChart } from '@/components/analytics/charts';
import { TopProducts } from '@/components/analytics/top-products';
import { VideosTable } from '@/components/analytics/videos-table';
import { SummaryCards } from '@/components/inventory/summary-cards';
import { EmptyState } from '@/components/shared/empty-state';
import { PageHeader } from '@/components/shared/page-header';
import { formatDecimal, formatDuration, formatInteger, formatMoney } from '@/components/ui/format';
import { getAccountContext } from '@/lib/accounts';
import { loadAnalyticsReport, rangeKeySchema, RANGE_KEYS } from '@/lib/analytics-reports';
import { LiveRefresh } from '@/lib/realtime/client';
import { cn } from '@/lib/utils';

export const metadata: Metadata = { title: 'Analytics' };

const RANGE_LABELS = { '24h': '24 hours', '7d': '7 days', '30d': '30 days', '90d': '90 days' } as const;

export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<{ range?: string }> }) {
  const context = await getAccountContext('/analytics');
  const key = rangeKeySchema.parse((await searchParams).range);
  const report = await loadAnalyticsReport(context, key);
  const { totals, fulfillment, label_spend: spend, currency } = report;
  const busiest = report.series.reduce(
    (best, point) => (point.orders > best.orders ? point : best),
    report.series[0]!,
  );

  return (
    <>
      <PageHeader
        title="Analytics"
        description="Sales, fulfillment speed, label spend and the videos behind your spikes. Buckets are UTC."
        actions={
          <LiveRefresh
            accountId={context.accountId}
            tables={['orders', 'shipments']}
            minIntervalMs={15_000}
          />
        }
      />
      <nav aria-label="Report range" className="mb-6 flex gap-1">
        {RANGE_KEYS.map((range) => (
          <Link
            key={range}
            href={`/analytics?range=${range}`}
            aria-current={range === key ? 'page' : undefined}
            className={cn(
              'rounded-md border px-3 py-1.5 text-sm',
              range === key ? 'border-foreground bg-foreground text-background' : 'hover:bg-accent',
            )}
          >
            {RANGE_LABELS[range]}
          </Link>
        ))}
      </nav>
      {totals.orders === 0 && totals.cancelled === 0 && spend.labels === 0 ? (
        <EmptyState
          icon={BarChart3}
          title={`No orders in the last ${RANGE_LABELS[key]}`}
          description="Try a longer range. Reports fill in as orders arrive from TikTok Shop."
        />
      ) : (
        <div className="space-y-6">
          <SummaryCards
            items={[
              { label: 'Orders', value: formatInteger(totals.orders) },
              { label: 'Revenue', value: formatMoney(totals.revenue_cents, currency) },
              { label: 'Average order', value: formatMoney(totals.average_order_cents, currency) },
              { label: 'Paid → shipped, median', value: formatDuration(fulfillment.p50_seconds) },
              { label: 'Paid → shipped, p95', value: formatDuration(fulfillment.p95_seconds) },
              { label: 'Label spend', value: formatMoney(spend.cost_cents, currency) },
            ]}
          />
          <p className="text-sm text-muted-foreground">
            {formatInteger(totals.units)} units sold · {formatInteger(totals.cancelled)} cancelled ·{' '}
            {formatInteger(fulfillment.shipped)} shipped
            {fulfillment.on_time_rate !== null
              ? ` · ${formatDecimal(fulfillment.on_time_rate * 100)} % before the dispatch deadline`
              : ''}
            {spend.average_cents !== null ? ` · ${formatMoney(spend.average_cents, currency)} per label` : ''}
          </p>
          <div className="grid gap-6 xl:grid-cols-2">
            <OrdersRevenueChart
              series={report.series}
              granularity={report.range.granularity}
              currency={currency}
              summary={`${formatInteger(totals.orders)} orders, ${formatMoney(totals.revenue_cents, currency)}; busiest ${report.range.granularity} had ${formatInteger(busiest.orders)} orders.`}
            />
            <HourOfDayChart
              hours={report.hour_of_day}
              summary="Orders placed in each hour of the day over the range."
            />
            <LabelSpendChart
              series={spend.series}
              granularity={report.range.granularity}
              currency={currency}
              summary={`${formatInteger(spend.labels)} labels for ${formatMoney(spend.cost_cents, currency)}.`}
            />
            <TopProducts products={report.top_products} currency={currency} />
          </div>
          <section aria-labelledby="videos-heading" className="space-y-3">
            <h2 id="videos-heading" className="text-lg font-semibold">
              Videos that drove sales
            </h2>
            <p className="text-sm text-muted-foreground">
              Spike window: the consecutive hours around a video’s peak with at least half the peak’s orders.
            </p>
            <VideosTable videos={report.videos} currency={currency} />
          </section>
        </div>
      )}
    </>
  );
}
