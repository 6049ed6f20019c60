import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { AccountContext } from '@/lib/accounts';
import { asSystem, tables, withRls, type Tx } from '@/lib/db';
import type { EmailOutboxStatus } from '@/lib/db/schema/billing-notifications';
import { AppError } from '@/lib/errors';

export async function readAccountName(tx: Tx, accountId: string): Promise<string> {
  const [account] = await tx
    .select({ name: tables.accounts.name })
    .from(tables.accounts)
    .where(eq(tables.accounts.id, accountId));
  if (!account) throw new AppError('NOT_FOUND', 'Account not found');
  return account.name;
}

const { emailOutbox } = tables;

/** A row of an outbox list: everything but the bodies. */
const summaryColumns = {
  id: emailOutbox.id,
  accountId: emailOutbox.accountId,
  template: emailOutbox.template,
  category: emailOutbox.category,
  toAddresses: emailOutbox.toAddresses,
  subject: emailOutbox.subject,
  status: emailOutbox.status,
  provider: emailOutbox.provider,
  error: emailOutbox.error,
  attempts: emailOutbox.attempts,
  createdAt: emailOutbox.createdAt,
  sentAt: emailOutbox.sentAt,
};
export type OutboxSummary = {
  [K in keyof typeof summaryColumns]: (typeof summaryColumns)[K]['_']['data'];
} & {
  toAddresses: string[];
  status: EmailOutboxStatus;
};
export type OutboxEmail = OutboxSummary & { html: string | null; text: string | null };

type Context = Pick<AccountContext, 'accountId' | 'claims'>;

/** The account's emails, newest first ("Sent emails" in settings). Under RLS. */
export async function listAccountEmails(context: Context, { limit = 100 } = {}): Promise<OutboxSummary[]> {
  return withRls(context.claims, (tx) =>
    tx
      .select(summaryColumns)
      .from(emailOutbox)
      .where(eq(emailOutbox.accountId, context.accountId))
      .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
      .limit(Math.min(limit, 500)),
  ) as Promise<OutboxSummary[]>;
}

/** One of the account's emails with its rendered bodies; another account's is not found. */
export async function getAccountEmailOrThrow(context: Context, id: string): Promise<OutboxEmail> {
  const [email] = await withRls(context.claims, (tx) =>
    tx
      .select({ ...summaryColumns, html: emailOutbox.html, text: emailOutbox.text })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.id, id), eq(emailOutbox.accountId, context.accountId))),
  );
  if (!email) throw new AppError('NOT_FOUND', 'Email not found');
  return email as OutboxEmail;
}

/** Every tenant's outbox, newest first, with the account's name. Ops pages only (system path). */
export async function unsafeListOutbox({
  limit = 200,
  status,
}: { limit?: number; status?: EmailOutboxStatus } = {}) {
  return asSystem((tx) =>
    tx
      .select({ ...summaryColumns, accountName: tables.accounts.name })
      .from(emailOutbox)
      .innerJoin(tables.accounts, eq(tables.accounts.id, emailOutbox.accountId))
      .where(status ? eq(emailOutbox.status, status) : undefined)
      .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
      .limit(Math.min(limit, 1000)),
  ) as Promise<(OutboxSummary & { accountName: string })[]>;
}

/** Any outbox email with its bodies. Ops pages only (system path). */
export async function unsafeGetOutboxEmail(
  id: string,
): Promise<(OutboxEmail & { accountName: string }) | null> {
  const [email] = await asSystem((tx) =>
    tx
      .select({
        ...summaryColumns,
        html: emailOutbox.html,
        text: emailOutbox.text,
        accountName: tables.accounts.name,
      })
      .from(emailOutbox)
      .innerJoin(tables.accounts, eq(tables.accounts.id, emailOutbox.accountId))
      .where(eq(emailOutbox.id, id)),
  );
  return (email as (OutboxEmail & { accountName: string }) | undefined) ?? null;
}
