import { Mail } from 'lucide-react';
import type { Metadata } from 'next';
import { OutboxTable } from '@/components/email/outbox-table';
import { EmptyState } from '@/components/shared/empty-state';
import { PageHeader } from '@/components/shared/page-header';
import { getAccountContext } from '@/lib/accounts';
import { getEmailConfig, listAccountEmails } from '@/lib/email';

export const metadata: Metadata = { title: 'Sent emails' };

export default async function SentEmailsPage() {
  const context = await getAccountContext('/settings/emails');
  const emails = await listAccountEmails(context);
  const delivered = getEmailConfig().transport
    ? 'sent through Resend'
    : 'kept here in the outbox (no email provider is configured)';
  return (
    <>
      <PageHeader
        title="Sent emails"
        description={`Every email this account sent or held back, newest first: ${delivered}.`}
      />
      {emails.length === 0 ? (
        <EmptyState
          icon={Mail}
          title="No emails yet"
          description="Shipping updates to buyers, alerts and reports appear here as they are sent."
        />
      ) : (
        <section aria-label="Emails" className="rounded-xl border bg-card p-4">
          <OutboxTable emails={emails} hrefFor={(id) => `/settings/emails/${id}`} />
        </section>
      )}
    </>
  );
}
