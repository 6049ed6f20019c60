import { Link, Text } from '@react-email/components';
import type { CreatorWelcomeProps } from '../lib/email/schemas';
import { ActionButton } from './components/button';
import { EmailLayout } from './components/layout';
import { colors, text } from './components/theme';

// Sent once, right after a creator signs up, to get them to their first shipped order.
export default function CreatorWelcome({
  firstName,
  accountName,
  dashboardUrl,
  connectShopUrl,
  preferencesUrl,
}: CreatorWelcomeProps) {
  return (
    <EmailLayout
      preview={`Welcome aboard, ${firstName}. Connect your TikTok Shop and ship your first order today.`}
      reason={`You received this because you created the CreatorFlow account ${accountName}.`}
      preferencesUrl={preferencesUrl}
    >
      <Text style={text.heading}>Welcome to CreatorFlow, {firstName}!</Text>
      <Text style={text.paragraph}>
        Your account <strong>{accountName}</strong> is ready. From now on, every TikTok Shop order lands in
        one queue, gets the cheapest label that fits, and its tracking number goes back to TikTok
        automatically, even when a video goes viral overnight.
      </Text>
      <Text style={text.subheading}>Three steps to your first shipped order</Text>
      {steps.map((step, index) => (
        <Text key={step.title} style={stepStyle}>
          <span style={stepNumber}>{index + 1}</span>
          <strong>{step.title}</strong> {step.detail}
        </Text>
      ))}
      <ActionButton href={connectShopUrl}>Connect your TikTok Shop</ActionButton>
      <Text style={text.small}>
        Already connected? Open your{' '}
        <Link href={dashboardUrl} style={text.link}>
          dashboard
        </Link>{' '}
        to see live orders, stock levels and which videos are selling.
      </Text>
    </EmailLayout>
  );
}

const steps = [
  {
    title: 'Connect your shop.',
    detail: 'Authorize CreatorFlow in TikTok Shop Seller Center; orders start syncing within a minute.',
  },
  {
    title: 'Add a carrier.',
    detail: 'Link Shippo or EasyPost so we can compare rates and buy labels for you.',
  },
  { title: 'Set your stock.', detail: 'Enter on-hand units per SKU so we never sell what you do not have.' },
];

const stepStyle = {
  ...text.paragraph,
  margin: '0 0 12px',
};

const stepNumber = {
  backgroundColor: colors.ink,
  borderRadius: '999px',
  color: '#ffffff',
  display: 'inline-block',
  fontSize: '12px',
  fontWeight: 700,
  height: '22px',
  lineHeight: '22px',
  marginRight: '10px',
  textAlign: 'center' as const,
  width: '22px',
};

CreatorWelcome.PreviewProps = {
  firstName: 'Maya',
  accountName: 'Maya Makes Candles',
  dashboardUrl: 'https://app.creatorflow.dev/dashboard',
  connectShopUrl: 'https://app.creatorflow.dev/settings/shops/connect',
  preferencesUrl: 'https://app.creatorflow.dev/settings/notifications',
} satisfies CreatorWelcomeProps;
