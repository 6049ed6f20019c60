import { Text } from '@react-email/components';
import type { PlanLimitReachedProps } from '../lib/email/schemas';
import { ActionButton } from './components/button';
import { DetailList } from './components/detail-list';
import { formatDate, formatNumber } from './components/format';
import { EmailLayout } from './components/layout';
import { callout, colors, text } from './components/theme';

// Sent once per period when an account uses up a plan allowance and something pauses.
export default function PlanLimitReached(props: PlanLimitReachedProps) {
  const { planName, limitName, allowance, used, resetsOn, pausedFeatures } = props;
  const usage = `${formatNumber(used)} of ${formatNumber(allowance)} ${limitName}`;
  return (
    <EmailLayout
      preview={`You have used ${usage} on the ${planName} plan. Upgrade to keep everything running.`}
      eyebrow="Plan limit reached"
      reason={`You received this because you are an owner or admin of ${props.accountName}.`}
      preferencesUrl={props.preferencesUrl}
    >
      <Text style={text.heading}>You&apos;ve reached your {planName} plan limit</Text>
      <Text style={text.paragraph}>
        {props.accountName} has used <strong>{usage}</strong> included in the {planName} plan
        {resetsOn ? ` for this period, which resets on ${formatDate(resetsOn)}` : ''}.
      </Text>
      <Text style={callout('warning')}>
        <strong>Paused until you upgrade{resetsOn ? ' or the period resets' : ''}:</strong>
      </Text>
      <ul style={list}>
        {pausedFeatures.map((feature) => (
          <li key={feature} style={listItem}>
            {feature}
          </li>
        ))}
      </ul>
      <DetailList
        rows={[
          { label: 'Plan', value: planName },
          { label: `Included ${limitName}`, value: formatNumber(allowance) },
          { label: 'Used', value: formatNumber(used) },
          { label: 'Resets', value: resetsOn ? formatDate(resetsOn) : undefined },
        ]}
      />
      <ActionButton href={props.upgradeUrl}>Upgrade your plan</ActionButton>
      <Text style={text.small}>
        Nothing is lost while paused: orders keep arriving from TikTok Shop and resume processing the moment
        you upgrade.
      </Text>
    </EmailLayout>
  );
}

const list = {
  color: colors.body,
  fontSize: '15px',
  lineHeight: '24px',
  margin: '-8px 0 20px',
  paddingLeft: '22px',
};
const listItem = { margin: '0 0 4px' };

PlanLimitReached.PreviewProps = {
  accountName: 'Maya Makes Candles',
  planName: 'Starter',
  limitName: 'labels',
  allowance: 500,
  used: 500,
  resetsOn: '2025-12-01',
  pausedFeatures: ['Buying new shipping labels', 'Pushing tracking numbers to TikTok Shop for new orders'],
  upgradeUrl: 'https://app.creatorflow.dev/settings/billing?upgrade=growth',
  preferencesUrl: 'https://app.creatorflow.dev/settings/notifications',
} satisfies PlanLimitReachedProps;
