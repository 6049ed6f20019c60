import type { ShopSummary } from '@/lib/tiktok/shops/list-shops';

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** "3 min ago" for recent moments, a date beyond a day. */
export function formatWhen(iso: string | null, now = Date.now()): string {
  if (!iso) return 'Never';
  const seconds = Math.round((now - new Date(iso).getTime()) / 1000);
  if (seconds < 60) return 'Just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return dateTime.format(new Date(iso));
}

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-sm font-medium" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** Sync and webhook health of one shop (last 24 h). */
export function ShopHealth({ shop }: { shop: ShopSummary }) {
  const w = shop.webhooks;
  const rate = w.successRate24h === null ? '—' : `${(w.successRate24h * 100).toFixed(w.successRate24h === 1 ? 0 : 1)}%`;
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-3 lg:grid-cols-6">
      <Fact label="Last synced" value={formatWhen(shop.lastSyncedAt)} testId="shop-last-synced" />
      <Fact label="Last webhook" value={formatWhen(w.lastReceivedAt)} />
      <Fact label="Webhooks (24 h)" value={String(w.events24h)} testId="shop-webhook-count" />
      <Fact label="Success rate (24 h)" value={rate} />
      <Fact label="Avg. processing" value={w.avgProcessingMs24h === null ? '—' : `${w.avgProcessingMs24h.toLocaleString('en-US')} ms`} />
      <Fact label="TikTok API circuit" value={shop.circuit === 'closed' ? 'Closed (healthy)' : shop.circuit === 'open' ? 'Open (failing fast)' : 'Half-open (testing)'} />
    </dl>
  );
}
