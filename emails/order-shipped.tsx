import { Link, Text } from '@react-email/components';
import type { OrderShippedProps } from '../lib/email/schemas';
import { ActionButton } from './components/button';
import { DetailList } from './components/detail-list';
import { formatDate, formatDateTime } from './components/format';
import { EmailLayout } from './components/layout';
import { OrderSummary } from './components/order-summary';
import { text } from './components/theme';

// Sent to the buyer when the label is bought and the tracking number is known.
export default function OrderShipped(props: OrderShippedProps) {
  const { shopName, orderNumber, carrier, serviceLevel, trackingNumber, trackingUrl, estimatedDelivery } =
    props;
  const eta = estimatedDelivery ? formatDate(estimatedDelivery) : undefined;
  return (
    <EmailLayout
      preview={`Order #${orderNumber} is on its way with ${carrier}${eta ? `, arriving ${eta}` : ''}.`}
      eyebrow={`Shipping update from ${shopName}`}
      reason={`You received this because you ordered from ${shopName} on TikTok Shop. CreatorFlow handles their shipping.`}
      preferencesUrl={props.preferencesUrl}
    >
      <Text style={text.heading}>Your order is on its way</Text>
      <Text style={text.paragraph}>
        Good news: order <strong>#{orderNumber}</strong> from {shopName} has shipped
        {eta ? (
          <>
            {' '}
            and should arrive by <strong>{eta}</strong>
          </>
        ) : null}
        .
      </Text>
      <DetailList
        rows={[
          { label: 'Carrier', value: serviceLevel ? `${carrier} ${serviceLevel}` : carrier },
          {
            label: 'Tracking number',
            value: (
              <Link href={trackingUrl} style={text.link}>
                {trackingNumber}
              </Link>
            ),
          },
          { label: 'Estimated delivery', value: eta },
          { label: 'Shipped', value: formatDateTime(props.shippedAt) },
        ]}
      />
      <ActionButton href={trackingUrl}>Track your package</ActionButton>
      <Text style={text.subheading}>In this shipment</Text>
      <OrderSummary
        items={props.items}
        currency={props.currency}
        subtotalCents={props.subtotalCents}
        shippingCents={props.shippingCents}
        totalCents={props.totalCents}
      />
      <Text style={text.small}>
        Tracking can take up to 24 hours to show the first scan. Questions about your order? Reply through
        your TikTok Shop order page and {shopName} will get back to you.
      </Text>
    </EmailLayout>
  );
}

OrderShipped.PreviewProps = {
  shopName: 'Maya Makes Candles',
  orderNumber: '576829104738291045',
  items: [
    { name: 'Amber & Oud Soy Candle, 8 oz', sku: 'CNDL-AMB-08', quantity: 2, unitPriceCents: 2400 },
    { name: 'Wick Trimmer, Brass', sku: 'ACC-WT-BR', quantity: 1, unitPriceCents: 1200 },
  ],
  currency: 'USD',
  subtotalCents: 6000,
  shippingCents: 0,
  totalCents: 6000,
  carrier: 'USPS',
  serviceLevel: 'Ground Advantage',
  trackingNumber: '9400111899223344556677',
  trackingUrl: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223344556677',
  estimatedDelivery: '2025-11-28',
  shippedAt: '2025-11-24T16:42:00Z',
  preferencesUrl: 'https://app.creatorflow.dev/preferences/email?token=preview',
} satisfies OrderShippedProps;
