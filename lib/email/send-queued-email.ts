import 'server-only';
import { ZodError } from 'zod';
import { asSystem } from '@/lib/db';
import { logger } from '@/lib/logger';
import { PermanentJobError } from '@/lib/queue/define-job';
import { getEmailConfig } from './config';
import {
  findOutboxRow,
  lockIdempotencyKey,
  markOutboxSent,
  recordOutboxFailure,
  type OutboxRow,
  type RecordedOutboxRow,
} from './outbox-store';
import { parseQueuedEmail, recordEmails, type ParsedEmail } from './record-emails';
import { EmailSendError, type EmailTransport } from './resend-transport';
import type { QueuedEmail } from './schemas';

export type { QueuedEmail } from './schemas';

export type SendQueuedEmailResult = {
  outcome: 'sent' | 'suppressed' | 'already_handled';
  outboxId: string;
  status: OutboxRow['status'];
};

export type EmailDelivery = {
  /** Null: no Resend configured, the outbox row is the delivery. */
  transport: EmailTransport | null;
};

/**
 * The body of the `email.send-email` job: one email, at most once.
 *
 * 1. Record (first run only; recordEmails, shared with the batch path sendQueuedEmails): the
 *    account's preferences decide; a switched-off category is stored as 'suppressed' and never
 *    sent. Otherwise the email is rendered and stored as 'queued' under its idempotency key
 *    (unique), so every later run finds it. Without Resend the stored row is the delivery: it is
 *    stored 'sent' with provider 'outbox', and step 2 is skipped.
 * 2. Deliver: a row still 'queued' goes to Resend with the key as Idempotency-Key. A row already
 *    sent, suppressed or failed makes the run a no-op: a job that runs twice sends one email.
 *
 * Each step holds a per-key advisory lock, so overlapping runs take turns. A crash between
 * Resend accepting and the row being marked sent is covered by Resend's own idempotency.
 *
 * @throws PermanentJobError for bad payloads and refusals no retry can fix (row marked failed).
 * @throws EmailSendError (retryable) so the queue retries with backoff.
 */
export async function sendQueuedEmail(
  input: QueuedEmail,
  delivery: EmailDelivery = { transport: getEmailConfig().transport },
): Promise<SendQueuedEmailResult> {
  const email = parseQueuedEmail(input);
  const [recorded] = await asSystem((tx) =>
    recordEmails(tx, [email], { deliveredByOutbox: !delivery.transport }),
  );
  if (recorded!.kind === 'foreign_key') {
    throw new PermanentJobError(`idempotency key ${email.idempotencyKey} belongs to another account`);
  }
  const { row, wasNew } = recorded!;
  return row.status === 'queued' ? deliver(row.id, email, delivery) : settledResult(row, wasNew);
}

/** What the job does with one email of a batch: finished, or handed back to run alone. */
export type QueuedEmailOutcome = SendQueuedEmailResult | 'one_by_one';

/**
 * The `email.send-email` batch: step 1 for every email in one transaction (recordEmails), so a
 * burst of shipped orders costs a handful of statements, not a transaction per email. Whatever
 * needs a result of its own is handed back ('one_by_one') for sendQueuedEmail to run alone:
 * - an invalid payload (it fails there, permanently, with its own error);
 * - a key recorded for another account (likewise);
 * - an email stored 'queued' (Resend configured): its delivery may fail or be retried on its own
 *   schedule, so it goes through step 2 in its own job run, which finds the row already recorded.
 * The others (stored 'sent' by the outbox, suppressed, or already handled) are done.
 */
export async function sendQueuedEmails(
  inputs: readonly QueuedEmail[],
  delivery: EmailDelivery = { transport: getEmailConfig().transport },
): Promise<QueuedEmailOutcome[]> {
  const parsed = inputs.map((input) => {
    try {
      return parseQueuedEmail(input);
    } catch (error) {
      if (error instanceof PermanentJobError) return null;
      throw error;
    }
  });
  const valid = parsed.filter((email) => email !== null);
  const recorded =
    valid.length === 0
      ? []
      : await asSystem((tx) => recordEmails(tx, valid, { deliveredByOutbox: !delivery.transport }));
  const byEmail = new Map(valid.map((email, index) => [email, recorded[index]!]));
  return parsed.map((email) => {
    const outcome = email && byEmail.get(email);
    if (!outcome || outcome.kind === 'foreign_key' || outcome.row.status === 'queued') return 'one_by_one';
    return settledResult(outcome.row, outcome.wasNew);
  });
}

/** An email step 1 left in a final state: stored as sent or suppressed just now, or earlier. */
function settledResult(row: RecordedOutboxRow, wasNew: boolean): SendQueuedEmailResult {
  if (!wasNew) return { outcome: 'already_handled', outboxId: row.id, status: row.status };
  return { outcome: row.status === 'sent' ? 'sent' : 'suppressed', outboxId: row.id, status: row.status };
}

async function deliver(
  outboxId: string,
  email: ParsedEmail,
  { transport }: EmailDelivery,
): Promise<SendQueuedEmailResult> {
  const provider = transport ? 'resend' : 'outbox';
  try {
    return await asSystem(async (tx) => {
      await lockIdempotencyKey(tx, email.idempotencyKey);
      const row = await findOutboxRow(tx, email.idempotencyKey);
      if (!row || row.status !== 'queued') {
        return { outcome: 'already_handled' as const, outboxId, status: row?.status ?? 'queued' };
      }
      const sent = transport
        ? await transport.send({
            to: row.toAddresses,
            subject: row.subject,
            html: row.html ?? '',
            text: row.text ?? '',
            idempotencyKey: row.idempotencyKey,
            tags: { template: row.template, category: row.category },
          })
        : { providerMessageId: null };
      await markOutboxSent(tx, row.id, { provider, providerMessageId: sent.providerMessageId });
      return { outcome: 'sent' as const, outboxId: row.id, status: 'sent' as const };
    });
  } catch (error) {
    // Only a refusal the provider calls final (or a message it can never accept) is permanent;
    // anything else, a database hiccup included, is retried.
    const permanent = (error instanceof EmailSendError && !error.retryable) || error instanceof ZodError;
    const message = error instanceof Error ? error.message : String(error);
    await asSystem((tx) => recordOutboxFailure(tx, outboxId, { error: message, permanent, provider })).catch(
      (recordError: unknown) => logger.warn({ err: recordError, outboxId }, 'could not record email failure'),
    );
    if (permanent)
      throw new PermanentJobError(`email ${email.idempotencyKey} failed: ${message}`, { cause: error });
    throw error;
  }
}
