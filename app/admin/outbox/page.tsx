import { Mail } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { OutboxTable } from '@/components/email/outbox-table';
import { EmptyState } from '@/components/shared/empty-state';
import { PageHeader } from '@/components/shared/page-header';
import { getEmailConfig, unsafeListOutbox } from '@/lib/email';
import { cn } from '@/lib/utils';

export const metadata: Metadata = { title: 'Email outbox' };

const STATUSES = ['queued', 'sent', 'failed', 'suppressed'] as const;
type Status = (typeof STATUSES)[number];

/** Every tenant's emails (ops only: app/admin/layout.tsx gates the whole /admin tree). */
export default async function AdminOutboxPage({
  searchParams,
}: {
  searchParams: Promise<{ status?: string }>;
}) {
  const { status: wanted } = await searchParams;
  const status = STATUSES.find((candidate) => candidate === wanted);
  const emails = await unsafeListOutbox(status ? { status } : {});
  const mode = getEmailConfig().transport
    ? 'Resend is configured: rows are delivery records.'
    : 'No Resend key: the outbox is the delivery.';
  return (
    <>
      <PageHeader title="Email outbox" description={`All tenants, newest first. ${mode}`} />
      <nav aria-label="Filter by status" className="mb-4 flex flex-wrap gap-2 text-sm">
        {([undefined, ...STATUSES] as (Status | undefined)[]).map((option) => (
          <Link
            key={option ?? 'all'}
            href={option ? `/admin/outbox?status=${option}` : '/admin/outbox'}
            aria-current={option === status ? 'page' : undefined}
            className={cn('rounded-md border px-3 py-1', option === status && 'bg-accent font-medium')}
          >
            {option ?? 'all'}
          </Link>
        ))}
      </nav>
      {emails.length === 0 ? (
        <EmptyState
          icon={Mail}
          title="The outbox is empty"
          description="Emails appear here as jobs send them."
        />
      ) : (
        <section aria-label="Outbox" className="rounded-xl border bg-card p-4">
          <OutboxTable emails={emails} hrefFor={(id) => `/admin/outbox/${id}`} showAccount />
        </section>
      )}
    </>
  );
}
