import { CheckCircle2 } from 'lucide-react';
import type { Metadata } from 'next';
import { FailedJobsTable } from '@/components/admin/failed-jobs-table';
import { QueueHealthTable } from '@/components/admin/queue-health-table';
import { AdminSection } from '@/components/admin/section';
import { EmptyState } from '@/components/shared/empty-state';
import { PageHeader } from '@/components/shared/page-header';
import { unsafeLoadQueueState } from '@/lib/admin';
import { env } from '@/lib/env';

export const metadata: Metadata = { title: 'Queues and failed jobs' };
export const dynamic = 'force-dynamic';

export default async function AdminJobsPage() {
  const { queues, failed, error } = await unsafeLoadQueueState({ schema: env.QUEUE_SCHEMA });
  return (
    <>
      <PageHeader
        title="Queues and failed jobs"
        description="pg-boss queues (counts as of the queue monitor’s last pass) and every job that needs a person."
      />
      {error ? (
        <p
          role="alert"
          className="rounded-xl border border-destructive/40 bg-destructive/5 p-4 text-sm font-medium text-red-800"
        >
          {error}
        </p>
      ) : (
        <div className="space-y-6">
          <AdminSection id="queues-heading" title="Queue health">
            <QueueHealthTable queues={queues} />
          </AdminSection>
          <AdminSection
            id="failed-heading"
            title={`Failed jobs (${failed.length})`}
            description="Dead letters (retries used up, or a permanent error) and failures of queues without a dead-letter queue. Retry sends the job back to its queue; handlers are idempotent."
          >
            {failed.length ? (
              <FailedJobsTable jobs={failed} />
            ) : (
              <EmptyState
                icon={CheckCircle2}
                title="No failed jobs"
                description="Every job either finished or is still being retried."
              />
            )}
          </AdminSection>
        </div>
      )}
    </>
  );
}
