'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatInteger, formatMoney, formatMoneyCompact } from '@/components/ui/format';
import { useHydrated } from '@/components/ui/local-time';
import type { Granularity } from '@/lib/analytics-reports/ranges';

/**
 * The analytics charts (Recharts, client-only). Bucket labels are UTC, like the report's buckets;
 * each chart sits in a <figure> whose caption says what it shows, for screen readers too.
 */
const bucketLabel = (iso: string, granularity: Granularity) => {
  const date = new Date(iso);
  return granularity === 'hour'
    ? `${String(date.getUTCHours()).padStart(2, '0')}:00`
    : date.toLocaleDateString('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric' });
};

const axis = { fontSize: 12, fill: 'var(--muted-foreground)' };

function ChartFrame({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: React.ReactNode;
}) {
  const hydrated = useHydrated();
  return (
    <figure className="rounded-xl border bg-card p-4">
      <figcaption className="mb-3">
        <span className="font-semibold">{title}</span>
        <span className="block text-xs text-muted-foreground">{description}</span>
      </figcaption>
      <div className="h-64">
        {hydrated ? (
          <ResponsiveContainer width="100%" height="100%">
            {children as React.ReactElement}
          </ResponsiveContainer>
        ) : null}
      </div>
    </figure>
  );
}

export function OrdersRevenueChart({
  series,
  granularity,
  currency,
  summary,
}: {
  series: { bucket: string; orders: number; revenue_cents: number }[];
  granularity: Granularity;
  currency: string;
  summary: string;
}) {
  const data = series.map((point) => ({
    label: bucketLabel(point.bucket, granularity),
    orders: point.orders,
    revenue: point.revenue_cents / 100,
  }));
  return (
    <ChartFrame title={`Orders and revenue per ${granularity}`} description={summary}>
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={axis} interval="preserveStartEnd" minTickGap={16} />
        <YAxis yAxisId="orders" tick={axis} allowDecimals={false} width={40} />
        <YAxis
          yAxisId="revenue"
          orientation="right"
          tick={axis}
          width={64}
          tickFormatter={(value: number) => formatMoneyCompact(value * 100, currency)}
        />
        <Tooltip
          formatter={(value, name) =>
            name === 'Revenue' ? formatMoney(Number(value) * 100, currency) : formatInteger(Number(value))
          }
        />
        <Bar
          yAxisId="orders"
          dataKey="orders"
          name="Orders"
          fill="var(--brand)"
          radius={[3, 3, 0, 0]}
          isAnimationActive={false}
        />
        <Line
          yAxisId="revenue"
          dataKey="revenue"
          name="Revenue"
          stroke="var(--foreground)"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ChartFrame>
  );
}

export function HourOfDayChart({
  hours,
  summary,
}: {
  hours: { hour: number; orders: number }[];
  summary: string;
}) {
  const data = hours.map((slot) => ({
    label: `${String(slot.hour).padStart(2, '0')}h`,
    orders: slot.orders,
  }));
  return (
    <ChartFrame title="When orders come in (UTC hour of day)" description={summary}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={axis} interval={2} />
        <YAxis tick={axis} allowDecimals={false} width={40} />
        <Tooltip formatter={(value) => formatInteger(Number(value))} />
        <Bar
          dataKey="orders"
          name="Orders"
          fill="var(--brand)"
          radius={[3, 3, 0, 0]}
          isAnimationActive={false}
        />
      </BarChart>
    </ChartFrame>
  );
}

export function LabelSpendChart({
  series,
  granularity,
  currency,
  summary,
}: {
  series: { bucket: string; labels: number; cost_cents: number }[];
  granularity: Granularity;
  currency: string;
  summary: string;
}) {
  const data = series.map((point) => ({
    label: bucketLabel(point.bucket, granularity),
    cost: point.cost_cents / 100,
    labels: point.labels,
  }));
  return (
    <ChartFrame title={`Label spend per ${granularity}`} description={summary}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={axis} interval="preserveStartEnd" minTickGap={16} />
        <YAxis
          tick={axis}
          width={64}
          tickFormatter={(value: number) => formatMoneyCompact(value * 100, currency)}
        />
        <Tooltip formatter={(value) => formatMoney(Number(value) * 100, currency)} />
        <Bar
          dataKey="cost"
          name="Spend"
          fill="var(--foreground)"
          radius={[3, 3, 0, 0]}
          isAnimationActive={false}
        />
      </BarChart>
    </ChartFrame>
  );
}
