import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { EmailPreview } from '@/components/email/email-preview';
import { PageHeader } from '@/components/shared/page-header';
import { getAccountContext } from '@/lib/accounts';
import { getAccountEmailOrThrow } from '@/lib/email';
import { isAppError } from '@/lib/errors';

export const metadata: Metadata = { title: 'Email' };

export default async function SentEmailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const context = await getAccountContext(`/settings/emails/${id}`);
  const email = await getAccountEmailOrThrow(context, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  return (
    <>
      <PageHeader
        title="Email"
        actions={
          <Link href="/settings/emails" className="text-sm underline underline-offset-4">
            Back to sent emails
          </Link>
        }
      />
      <EmailPreview email={email} />
    </>
  );
}
