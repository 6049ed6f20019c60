import { Text } from '@react-email/components';
import type { ShopAuthorizationExpiringProps } from '../lib/email/schemas';
import { ActionButton } from './components/button';
import { DetailList } from './components/detail-list';
import { formatDateTime } from './components/format';
import { EmailLayout } from './components/layout';
import { callout, text } from './components/theme';

// Sent ahead of a TikTok Shop refresh-token expiry: after it, orders stop syncing until reconnected.
export default function ShopAuthorizationExpiring(props: ShopAuthorizationExpiringProps) {
  const { shopName, shopRegion, reconnectUrl } = props;
  const expiresAt = formatDateTime(props.expiresAt);
  return (
    <EmailLayout
      preview={`Reconnect ${shopName} before ${expiresAt} to keep orders syncing.`}
      eyebrow="Action needed"
      reason={`You received this because you are an owner or admin of ${props.accountName}.`}
      preferencesUrl={props.preferencesUrl}
    >
      <Text style={text.heading}>Reconnect {shopName} to keep orders flowing</Text>
      <Text style={text.paragraph}>
        TikTok Shop authorizations expire periodically for security. The one that lets CreatorFlow read orders
        and push tracking for <strong>{shopName}</strong> runs out soon.
      </Text>
      <Text style={callout('warning')}>
        Expires <strong>{expiresAt}</strong>. After that, new orders stop syncing and tracking numbers are not
        sent back to TikTok Shop, which can hurt your shipping metrics.
      </Text>
      <DetailList
        rows={[
          { label: 'Shop', value: shopName },
          { label: 'Region', value: shopRegion },
          { label: 'Authorization expires', value: expiresAt },
        ]}
      />
      <ActionButton href={reconnectUrl}>Reconnect {shopName}</ActionButton>
      <Text style={text.small}>
        Reconnecting takes about a minute: sign in to TikTok Shop Seller Center and approve CreatorFlow again.
        Orders that arrive in the meantime are caught up automatically.
      </Text>
    </EmailLayout>
  );
}

ShopAuthorizationExpiring.PreviewProps = {
  accountName: 'Maya Makes Candles',
  shopName: 'Maya Makes Candles US',
  shopRegion: 'US',
  expiresAt: '2025-12-01T09:00:00Z',
  reconnectUrl: 'https://app.creatorflow.dev/settings/shops/7494012345678901234/reconnect',
  preferencesUrl: 'https://app.creatorflow.dev/settings/notifications',
} satisfies ShopAuthorizationExpiringProps;
