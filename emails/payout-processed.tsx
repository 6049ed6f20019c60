import { Text } from '@react-email/components';
import type { PayoutProcessedProps } from '../lib/email/schemas';
import { ActionButton } from './components/button';
import { DataTable } from './components/data-table';
import { DetailList } from './components/detail-list';
import { formatDate, formatDateRange, formatMoney, pluralize } from './components/format';
import { EmailLayout } from './components/layout';
import { text } from './components/theme';

// Sent to the creator when a payout for a settlement period has been sent to their bank.
export default function PayoutProcessed(props: PayoutProcessedProps) {
  const { currency, orders, orderCount } = props;
  const amount = formatMoney(props.amountCents, currency);
  const period = formatDateRange(props.periodStart, props.periodEnd);
  const unlisted = orderCount - orders.length;
  return (
    <EmailLayout
      preview={`${amount} for ${period} is on its way to your bank.`}
      reason="You received this because payout notifications are on for your CreatorFlow account."
      preferencesUrl={props.preferencesUrl}
    >
      <Text style={text.heading}>Your payout of {amount} is on its way</Text>
      <Text style={text.paragraph}>
        Nice work, {props.firstName}. We sent your earnings for <strong>{period}</strong> from{' '}
        {pluralize(orderCount, 'order')}. Expect it in your bank account by{' '}
        <strong>{formatDate(props.expectedArrival)}</strong>.
      </Text>
      <DetailList
        rows={[
          { label: 'Gross sales', value: formatMoney(props.grossSalesCents, currency) },
          { label: 'Fees', value: `−${formatMoney(props.feesCents, currency)}` },
          { label: 'Payout', value: amount },
          { label: 'Period', value: period },
          { label: 'Orders', value: pluralize(orderCount, 'order') },
          { label: 'Payout ID', value: props.payoutId },
        ]}
      />
      {orders.length > 0 ? (
        <>
          <Text style={text.subheading}>Largest orders this period</Text>
          <DataTable
            columns={[
              { header: 'Order', width: '70%' },
              { header: 'Earned', align: 'right' },
            ]}
            rows={orders.map((order) => [`#${order.orderNumber}`, formatMoney(order.amountCents, currency)])}
          />
          {unlisted > 0 ? <Text style={text.small}>…and {pluralize(unlisted, 'more order')}.</Text> : null}
        </>
      ) : null}
      <ActionButton href={props.dashboardUrl}>See payout details</ActionButton>
    </EmailLayout>
  );
}

PayoutProcessed.PreviewProps = {
  firstName: 'Maya',
  payoutId: 'po_7Hq2mX91',
  currency: 'USD',
  grossSalesCents: 1_284_350,
  feesCents: 102_748,
  amountCents: 1_181_602,
  periodStart: '2025-11-10',
  periodEnd: '2025-11-23',
  expectedArrival: '2025-11-26',
  orderCount: 214,
  orders: [
    { orderNumber: '576829104738291045', amountCents: 18_400 },
    { orderNumber: '576829104738290112', amountCents: 14_250 },
    { orderNumber: '576829104738287731', amountCents: 9_600 },
  ],
  dashboardUrl: 'https://app.creatorflow.dev/billing/payouts/po_7Hq2mX91',
  preferencesUrl: 'https://app.creatorflow.dev/settings/notifications',
} satisfies PayoutProcessedProps;
