import { Text } from '@react-email/components';
import type { LowStockAlertProps } from '../lib/email/schemas';
import { ActionButton } from './components/button';
import { DataTable } from './components/data-table';
import { formatNumber, pluralize } from './components/format';
import { EmailLayout } from './components/layout';
import { callout, colors, text } from './components/theme';

// Sent when one or more SKUs fall below their days-of-cover threshold, at most once a day per SKU.
/** Fewest days of cover first; SKUs without recent sales last. */
export function mostUrgentFirst<T extends { daysOfCover: number | null }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.daysOfCover ?? Number.POSITIVE_INFINITY) - (b.daysOfCover ?? Number.POSITIVE_INFINITY));
}

export default function LowStockAlert({
  accountName,
  items,
  inventoryUrl,
  preferencesUrl,
}: LowStockAlertProps) {
  const sorted = mostUrgentFirst(items);
  const mostUrgent = sorted[0]!;
  const headline =
    items.length === 1
      ? `${mostUrgent.sku} is running low`
      : `${formatNumber(items.length)} SKUs are running low`;
  return (
    <EmailLayout
      preview={
        mostUrgent.daysOfCover === null
          ? `${mostUrgent.sku} is down to ${pluralize(mostUrgent.available, 'unit')}.`
          : `${mostUrgent.sku} has ${formatCover(mostUrgent.daysOfCover)} of cover left at current sales.`
      }
      eyebrow="Inventory alert"
      reason={`You received this because low-stock alerts are on for ${accountName}.`}
      preferencesUrl={preferencesUrl}
    >
      <Text style={text.heading}>{headline}</Text>
      <Text style={text.paragraph}>
        At the pace you are selling, {items.length === 1 ? 'this SKU' : 'these SKUs'} will sell out soon.
        Reorder now so a viral video does not leave you with orders you cannot ship.
      </Text>
      {mostUrgent.available <= 0 ? (
        <Text style={callout('danger')}>
          <strong>{mostUrgent.sku}</strong> is out of stock. New orders for it are held until stock arrives.
        </Text>
      ) : (
        <Text style={callout('warning')}>
          <strong>{mostUrgent.sku}</strong> ({mostUrgent.productName}) has{' '}
          {pluralize(mostUrgent.available, 'unit')} left
          {mostUrgent.daysOfCover === null ? ', below its low-stock threshold.' : `, about ${formatCover(mostUrgent.daysOfCover)} of sales.`}
        </Text>
      )}
      <DataTable
        columns={[
          { header: 'SKU', width: '34%' },
          { header: 'Available', align: 'right' },
          { header: 'Cover', align: 'right' },
          { header: 'Sells / day', align: 'right' },
          { header: 'Reorder', align: 'right' },
        ]}
        rows={sorted.map((item) => [
          <span key="sku">
            <strong>{item.sku}</strong>
            <br />
            <span style={productName}>{item.productName}</span>
          </span>,
          formatNumber(item.available),
          formatCover(item.daysOfCover),
          formatNumber(item.velocityPerDay, 1),
          <strong key="reorder">{formatNumber(item.suggestedReorder)}</strong>,
        ])}
      />
      <Text style={{ ...text.small, margin: '0 0 16px' }}>
        Suggested reorder quantities cover your supplier lead time plus safety stock at the current sales
        velocity.
      </Text>
      <ActionButton href={inventoryUrl}>Review inventory</ActionButton>
    </EmailLayout>
  );
}

function formatCover(days: number | null): string {
  if (days === null) return 'no recent sales';
  if (days < 1) return 'less than a day';
  return pluralize(Math.floor(days), 'day');
}

const productName = { color: colors.muted, fontSize: '12px', lineHeight: '18px' };

LowStockAlert.PreviewProps = {
  accountName: 'Maya Makes Candles',
  items: [
    {
      sku: 'CNDL-AMB-08',
      productName: 'Amber & Oud Soy Candle, 8 oz',
      available: 46,
      daysOfCover: 1.5,
      velocityPerDay: 31.6,
      suggestedReorder: 650,
    },
    {
      sku: 'ACC-WT-BR',
      productName: 'Wick Trimmer, Brass',
      available: 40,
      daysOfCover: 4.8,
      velocityPerDay: 8.3,
      suggestedReorder: 180,
    },
  ],
  inventoryUrl: 'https://app.creatorflow.dev/inventory?filter=low-stock',
  preferencesUrl: 'https://app.creatorflow.dev/settings/notifications',
} satisfies LowStockAlertProps;
