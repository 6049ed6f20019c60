import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { EmailPreview } from '@/components/email/email-preview';
import { PageHeader } from '@/components/shared/page-header';
import { unsafeGetOutboxEmail } from '@/lib/email';

export const metadata: Metadata = { title: 'Outbox email' };

export default async function AdminOutboxEmailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const email = await unsafeGetOutboxEmail(id);
  if (!email) notFound();
  return (
    <>
      <PageHeader
        title="Outbox email"
        actions={
          <Link href="/admin/outbox" className="text-sm underline underline-offset-4">
            Back to the outbox
          </Link>
        }
      />
      <EmailPreview email={email} />
    </>
  );
}
