import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { anyOf, tables, type Tx } from '@/lib/db';
import type { EmailOutboxStatus, EmailProvider } from '@/lib/db/schema/billing-notifications';

// The outbox writes of the send job, each inside the caller's (system path) transaction. Every
// function that decides something first takes the per-key advisory lock, so two runs of the same
// email (a retry overlapping a slow attempt, a duplicate job) take turns instead of racing.

export type OutboxRow = typeof tables.emailOutbox.$inferSelect;

export async function lockIdempotencyKey(tx: Tx, idempotencyKey: string): Promise<void> {
  await lockIdempotencyKeys(tx, [idempotencyKey]);
}

export async function findOutboxRow(tx: Tx, idempotencyKey: string): Promise<OutboxRow | null> {
  const [row] = await tx
    .select()
    .from(tables.emailOutbox)
    .where(eq(tables.emailOutbox.idempotencyKey, idempotencyKey));
  return row ?? null;
}

/** An outbox row as the record step writes it. */
export type NewOutboxRow = {
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
};

/**
 * Every key's lock in one statement, in the order of the lock ids themselves: two transactions
 * locking overlapping sets take them in the same order and cannot deadlock (keys whose hashes
 * collide included).
 */
export async function lockIdempotencyKeys(tx: Tx, idempotencyKeys: readonly string[]): Promise<void> {
  if (idempotencyKeys.length === 0) return;
  await tx.execute(sql`
    select pg_advisory_xact_lock(k.lock_id)
    from (
      select distinct hashtextextended('email:' || t.idempotency_key, 0) as lock_id
      from unnest(${sql.param(idempotencyKeys)}::text[]) as t(idempotency_key)
      order by 1
    ) as k`);
}

/** What the record step decides by: an outbox row without its subject and rendered bodies. */
export type RecordedOutboxRow = Pick<OutboxRow, 'id' | 'accountId' | 'idempotencyKey' | 'status'>;

const recordedColumns = {
  id: tables.emailOutbox.id,
  accountId: tables.emailOutbox.accountId,
  idempotencyKey: tables.emailOutbox.idempotencyKey,
  status: tables.emailOutbox.status,
};

export async function findOutboxRows(tx: Tx, idempotencyKeys: readonly string[]): Promise<RecordedOutboxRow[]> {
  if (idempotencyKeys.length === 0) return [];
  return tx
    .select(recordedColumns)
    .from(tables.emailOutbox)
    .where(anyOf(tables.emailOutbox.idempotencyKey, idempotencyKeys, 'text'));
}

/**
 * Many rows in one statement whatever their number (the rows travel as one JSON parameter, so the
 * statement text, and its prepared plan, stay the same). A 'sent' row is stored delivered: provider
 * 'outbox', one attempt, sent now.
 */
export async function insertOutboxRows(tx: Tx, rows: readonly NewOutboxRow[]): Promise<RecordedOutboxRow[]> {
  if (rows.length === 0) return [];
  const values = rows.map((row) => ({
    account_id: row.accountId,
    template: row.template,
    category: row.category,
    to_addresses: row.toAddresses,
    subject: row.subject,
    html: row.html,
    text: row.text,
    idempotency_key: row.idempotencyKey,
    status: row.status,
  }));
  const inserted = await tx.execute<{ id: string; account_id: string; idempotency_key: string; status: OutboxRow['status'] }>(sql`
    insert into public.email_outbox
      (account_id, template, category, to_addresses, subject, html, text, idempotency_key, status, provider, attempts, sent_at)
    select v.account_id, v.template, v.category, v.to_addresses, v.subject, v.html, v.text, v.idempotency_key, v.status,
      case when v.status = 'sent' then 'outbox' end,
      case when v.status = 'sent' then 1 else 0 end,
      case when v.status = 'sent' then now() end
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(
      account_id uuid, template text, category text, to_addresses text[], subject text, html text, text text,
      idempotency_key text, status text)
    returning id, account_id, idempotency_key, status`);
  return inserted.rows.map((raw) => ({
    id: raw.id,
    accountId: raw.account_id,
    idempotencyKey: raw.idempotency_key,
    status: raw.status,
  }));
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
