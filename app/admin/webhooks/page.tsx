import { Webhook } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminSection } from '@/components/admin/section';
import { WebhookLogTable } from '@/components/admin/webhook-log-table';
import { WebhookStats } from '@/components/admin/webhook-stats';
import { Pagination } from '@/components/orders/pagination';
import { EmptyState } from '@/components/shared/empty-state';
import { PageHeader } from '@/components/shared/page-header';
import {
  unsafeGetWebhookStats,
  unsafeListWebhookEvents,
  WEBHOOK_PAGE_SIZE,
  WEBHOOK_PROVIDERS,
  WEBHOOK_STATUSES,
  webhookLogQuerySchema,
} from '@/lib/admin';
import { cn } from '@/lib/utils';

export const metadata: Metadata = { title: 'Webhook log' };
export const dynamic = 'force-dynamic';

function FilterLinks({
  name,
  values,
  current,
  other,
}: {
  name: string;
  values: readonly string[];
  current?: string;
  other: Record<string, string | undefined>;
}) {
  const href = (value?: string) => {
    const params = new URLSearchParams(
      Object.entries({ ...other, [name]: value }).filter((entry): entry is [string, string] =>
        Boolean(entry[1]),
      ),
    );
    return params.size ? `/admin/webhooks?${params}` : '/admin/webhooks';
  };
  return (
    <nav aria-label={`Filter by ${name}`} className="flex flex-wrap gap-1 text-sm">
      {[undefined, ...values].map((value) => (
        <Link
          key={value ?? 'all'}
          href={href(value)}
          aria-current={value === current ? 'page' : undefined}
          className={cn(
            'rounded-md border px-3 py-1 capitalize',
            value === current && 'bg-accent font-medium',
          )}
        >
          {value ?? `all ${name === 'provider' ? 'providers' : 'statuses'}`}
        </Link>
      ))}
    </nav>
  );
}

export default async function AdminWebhooksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const query = webhookLogQuerySchema.parse(await searchParams);
  const [stats, log] = await Promise.all([unsafeGetWebhookStats(24), unsafeListWebhookEvents(query)]);
  return (
    <>
      <PageHeader
        title="Webhook log"
        description="Every inbound webhook across tenants. Replay hands a stored event back to its processing job."
      />
      <div className="space-y-6">
        <AdminSection
          id="stats-heading"
          title="Last 24 hours"
          description="Success rate = (processed + ignored) / (processed + ignored + failed)."
        >
          <WebhookStats stats={stats} />
        </AdminSection>
        <AdminSection id="log-heading" title={`Events (${log.total})`}>
          <div className="mb-3 space-y-2">
            <FilterLinks
              name="provider"
              values={WEBHOOK_PROVIDERS}
              current={query.provider}
              other={{ status: query.status }}
            />
            <FilterLinks
              name="status"
              values={WEBHOOK_STATUSES}
              current={query.status}
              other={{ provider: query.provider }}
            />
          </div>
          {log.events.length ? (
            <>
              <WebhookLogTable events={log.events} />
              <div className="mt-3">
                <Pagination
                  page={query.page}
                  totalPages={Math.ceil(log.total / WEBHOOK_PAGE_SIZE)}
                  total={log.total}
                  limit={WEBHOOK_PAGE_SIZE}
                />
              </div>
            </>
          ) : (
            <EmptyState
              icon={Webhook}
              title="No webhook events"
              description="Nothing matches these filters."
            />
          )}
        </AdminSection>
      </div>
    </>
  );
}
