import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { tables, type Tx } from '@/lib/db';
import type { EmailOutboxStatus, EmailProvider } from '@/lib/db/schema/billing-notifications';

// The outbox writes of the send job, each inside the caller's (system path) transaction. Every
// function that decides something first takes the per-key advisory lock, so two runs of the same
// email (a retry overlapping a slow attempt, a duplicate job) take turns instead of racing.

export type OutboxRow = typeof tables.emailOutbox.$inferSelect;

export async function lockIdempotencyKey(tx: Tx, idempotencyKey: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`email:${idempotencyKey}`}, 0))`);
}

export async function findOutboxRow(tx: Tx, idempotencyKey: string): Promise<OutboxRow | null> {
  const [row] = await tx
    .select()
    .from(tables.emailOutbox)
    .where(eq(tables.emailOutbox.idempotencyKey, idempotencyKey));
  return row ?? null;
}

export async function insertOutboxRow(
  tx: Tx,
  row: {
    accountId: string;
    template: string;
    category: string;
    toAddresses: string[];
    subject: string;
    html: string | null;
    text: string | null;
    idempotencyKey: string;
    /** `sent`: delivered by being stored (no Resend configured; provider 'outbox'). */
    status: Extract<EmailOutboxStatus, 'queued' | 'suppressed' | 'sent'>;
  },
): Promise<OutboxRow> {
  const delivered = row.status === 'sent' ? { provider: 'outbox' as const, attempts: 1, sentAt: sql`now()` } : {};
  const [inserted] = await tx.insert(tables.emailOutbox).values({ ...row, ...delivered }).returning();
  return inserted!;
}

export async function markOutboxSent(
  tx: Tx,
  id: string,
  delivery: { provider: EmailProvider; providerMessageId: string | null },
): Promise<void> {
  await tx
    .update(tables.emailOutbox)
    .set({
      status: 'sent',
      provider: delivery.provider,
      providerMessageId: delivery.providerMessageId,
      error: null,
      attempts: sql`${tables.emailOutbox.attempts} + 1`,
      sentAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(eq(tables.emailOutbox.id, id));
}

/** A failed attempt: counted and explained; `permanent` also ends the row's life as 'failed'. */
export async function recordOutboxFailure(
  tx: Tx,
  id: string,
  failure: { error: string; permanent: boolean; provider: EmailProvider },
): Promise<void> {
  await tx
    .update(tables.emailOutbox)
    .set({
      ...(failure.permanent ? { status: 'failed' as const } : {}),
      provider: failure.provider,
      error: failure.error.slice(0, 1000),
      attempts: sql`${tables.emailOutbox.attempts} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(tables.emailOutbox.id, id));
}
