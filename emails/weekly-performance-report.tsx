import { Column, Link, Row, Section, Text } from '@react-email/components';
import type { WeeklyPerformanceReportProps } from '../lib/email/schemas';
import { ActionButton } from './components/button';
import { DataTable } from './components/data-table';
import { formatChange, formatDateRange, formatMoney, formatNumber, percentChange } from './components/format';
import { EmailLayout } from './components/layout';
import { colors, text } from './components/theme';

// Monday-morning summary for the creator: the week in four numbers, what sold, which video sold it.
export default function WeeklyPerformanceReport(props: WeeklyPerformanceReportProps) {
  const { currency, orders, revenueCents, labelSpendCents, topProducts, topVideo } = props;
  const week = formatDateRange(props.weekStart, props.weekEnd);
  const averageOrder = (cents: number, count: number) => (count === 0 ? 0 : Math.round(cents / count));
  const metrics: Metric[] = [
    { label: 'Orders', current: orders.current, previous: orders.previous, format: formatNumber },
    {
      label: 'Revenue',
      current: revenueCents.current,
      previous: revenueCents.previous,
      format: (cents) => formatMoney(cents, currency),
    },
    {
      label: 'Avg. order',
      current: averageOrder(revenueCents.current, orders.current),
      previous: averageOrder(revenueCents.previous, orders.previous),
      format: (cents) => formatMoney(cents, currency),
    },
    {
      label: 'Label spend',
      current: labelSpendCents.current,
      previous: labelSpendCents.previous,
      format: (cents) => formatMoney(cents, currency),
      lowerIsBetter: true,
    },
  ];
  return (
    <EmailLayout
      preview={`${formatNumber(orders.current)} orders and ${formatMoney(revenueCents.current, currency)} in revenue (${formatChange(revenueCents.current, revenueCents.previous)} week over week).`}
      eyebrow={`Weekly report · ${week}`}
      reason="You received this because weekly reports are on for your CreatorFlow account."
      preferencesUrl={props.preferencesUrl}
    >
      <Text style={text.heading}>Your week, {props.firstName}</Text>
      <Text style={text.paragraph}>Here is how {week} went, compared with the week before.</Text>
      <Section style={{ margin: '0 0 16px' }}>
        <Row>
          {metrics.map((metric) => (
            <Column key={metric.label} style={tile}>
              <Text style={tileLabel}>{metric.label}</Text>
              <Text style={tileValue}>{metric.format(metric.current)}</Text>
              <Text style={{ ...tileChange, color: changeColor(metric) }}>
                {formatChange(metric.current, metric.previous)} vs last week
              </Text>
            </Column>
          ))}
        </Row>
      </Section>
      <Text style={text.subheading}>Top products</Text>
      {topProducts.length > 0 ? (
        <DataTable
          columns={[
            { header: 'Product', width: '55%' },
            { header: 'Units', align: 'right' },
            { header: 'Revenue', align: 'right' },
          ]}
          rows={topProducts.map((product) => [
            <span key="name">
              {product.name}
              <br />
              <span style={sku}>{`SKU ${product.sku}`}</span>
            </span>,
            formatNumber(product.unitsSold),
            formatMoney(product.revenueCents, currency),
          ])}
        />
      ) : (
        <Text style={text.paragraph}>No sales this week.</Text>
      )}
      {topVideo ? (
        <>
          <Text style={text.subheading}>Top video</Text>
          <Section style={videoCard}>
            <Text style={{ ...text.paragraph, margin: '0 0 6px' }}>
              <Link href={topVideo.url} style={{ ...text.link, fontWeight: 600 }}>
                {topVideo.title}
              </Link>
            </Text>
            <Text style={{ ...text.small, margin: 0 }}>
              {formatNumber(topVideo.views)} views · {formatNumber(topVideo.orders)} orders ·{' '}
              {formatMoney(topVideo.revenueCents, currency)} revenue
            </Text>
          </Section>
        </>
      ) : null}
      <ActionButton href={props.dashboardUrl}>Open your analytics</ActionButton>
    </EmailLayout>
  );
}

interface Metric {
  label: string;
  current: number;
  previous: number;
  format: (value: number) => string;
  /** Spend going up is bad news, so its change is coloured the other way round. */
  lowerIsBetter?: boolean;
}

function changeColor(metric: Metric): string {
  const change = percentChange(metric.current, metric.previous);
  if (change === null || Math.abs(change) < 0.05) return colors.muted;
  const improved = metric.lowerIsBetter ? change < 0 : change > 0;
  return improved ? colors.positive : colors.negative;
}

const tile = {
  backgroundColor: colors.subtle,
  border: `4px solid ${colors.surface}`,
  borderRadius: '10px',
  padding: '12px',
  verticalAlign: 'top' as const,
  width: '25%',
};

const tileLabel = { ...text.small, margin: 0, fontSize: '12px' };
const tileValue = {
  color: colors.ink,
  fontSize: '18px',
  fontWeight: 700,
  lineHeight: '26px',
  margin: '2px 0',
};
const tileChange = { fontSize: '12px', lineHeight: '16px', margin: 0 };
const sku = { color: colors.muted, fontSize: '12px', lineHeight: '18px' };
const videoCard = {
  border: `1px solid ${colors.hairline}`,
  borderLeft: `4px solid ${colors.accent}`,
  borderRadius: '8px',
  padding: '12px 16px',
  margin: '0 0 24px',
};

WeeklyPerformanceReport.PreviewProps = {
  firstName: 'Maya',
  weekStart: '2025-11-17',
  weekEnd: '2025-11-23',
  currency: 'USD',
  orders: { current: 312, previous: 278 },
  revenueCents: { current: 842_050, previous: 751_300 },
  labelSpendCents: { current: 152_880, previous: 141_020 },
  topProducts: [
    { name: 'Amber & Oud Soy Candle, 8 oz', sku: 'CNDL-AMB-08', unitsSold: 221, revenueCents: 530_400 },
    { name: 'Fig Leaf Soy Candle, 8 oz', sku: 'CNDL-FIG-08', unitsSold: 74, revenueCents: 177_600 },
    { name: 'Wick Trimmer, Brass', sku: 'ACC-WT-BR', unitsSold: 58, revenueCents: 69_600 },
  ],
  topVideo: {
    title: 'POV: the candle that made my whole apartment smell like a boutique hotel',
    url: 'https://www.tiktok.com/@mayamakescandles/video/7441234567890123456',
    views: 1_284_000,
    orders: 187,
    revenueCents: 448_800,
  },
  dashboardUrl: 'https://app.creatorflow.dev/analytics?range=last-week',
  preferencesUrl: 'https://app.creatorflow.dev/settings/notifications',
} satisfies WeeklyPerformanceReportProps;
