import { Link, Text } from '@react-email/components';
import type { OrderDeliveredProps } from '../lib/email/schemas';
import { ActionButton } from './components/button';
import { DetailList } from './components/detail-list';
import { formatDateTime } from './components/format';
import { EmailLayout } from './components/layout';
import { OrderSummary } from './components/order-summary';
import { text } from './components/theme';

// Sent to the buyer when the carrier reports the parcel delivered.
export default function OrderDelivered(props: OrderDeliveredProps) {
  const { shopName, orderNumber, carrier, trackingNumber, trackingUrl, shopUrl } = props;
  const deliveredAt = formatDateTime(props.deliveredAt);
  return (
    <EmailLayout
      preview={`Order #${orderNumber} from ${shopName} was delivered ${deliveredAt}.`}
      eyebrow={`Delivery update from ${shopName}`}
      reason={`You received this because you ordered from ${shopName} on TikTok Shop. CreatorFlow handles their shipping.`}
      preferencesUrl={props.preferencesUrl}
    >
      <Text style={text.heading}>Your order was delivered</Text>
      <Text style={text.paragraph}>
        {carrier} delivered order <strong>#{orderNumber}</strong> on {deliveredAt}. We hope you love it!
      </Text>
      <DetailList
        rows={[
          { label: 'Delivered', value: deliveredAt },
          { label: 'Carrier', value: carrier },
          {
            label: 'Tracking number',
            value: (
              <Link href={trackingUrl} style={text.link}>
                {trackingNumber}
              </Link>
            ),
          },
        ]}
      />
      <Text style={text.subheading}>What was in the box</Text>
      <OrderSummary items={props.items} currency={props.currency} />
      <Text style={text.paragraph}>
        Can&apos;t find your package? Check around your door and with neighbours, then open the tracking page
        for the carrier&apos;s delivery photo or location. Still missing? Contact {shopName} from your TikTok
        Shop order page.
      </Text>
      {shopUrl ? (
        <ActionButton href={shopUrl} variant="secondary">
          Visit {shopName}
        </ActionButton>
      ) : null}
    </EmailLayout>
  );
}

OrderDelivered.PreviewProps = {
  shopName: 'Maya Makes Candles',
  orderNumber: '576829104738291045',
  items: [
    { name: 'Amber & Oud Soy Candle, 8 oz', sku: 'CNDL-AMB-08', quantity: 2 },
    { name: 'Wick Trimmer, Brass', sku: 'ACC-WT-BR', quantity: 1 },
  ],
  currency: 'USD',
  carrier: 'USPS',
  trackingNumber: '9400111899223344556677',
  trackingUrl: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223344556677',
  deliveredAt: '2025-11-27T19:05:00Z',
  shopUrl: 'https://www.tiktok.com/@mayamakescandles',
  preferencesUrl: 'https://app.creatorflow.dev/preferences/email?token=preview',
} satisfies OrderDeliveredProps;
