import 'server-only';
import { z, ZodError } from 'zod';
import { asSystem, type Tx } from '@/lib/db';
import { logger } from '@/lib/logger';
import { PermanentJobError } from '@/lib/queue/define-job';
import { TEMPLATE_CATEGORY } from './categories';
import { getEmailConfig } from './config';
import {
  findOutboxRow,
  insertOutboxRow,
  lockIdempotencyKey,
  markOutboxSent,
  recordOutboxFailure,
  type OutboxRow,
} from './outbox-store';
import { isEmailCategoryEnabled } from './preferences';
import { renderEmail } from './render-email';
import { EmailSendError, type EmailTransport } from './resend-transport';
import { emailTemplatePayloadSchema, queuedEmailSchema, type QueuedEmail } from './schemas';
import { getEmailTemplate } from './templates';

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
 * 1. Record (first run only): the account's preferences decide; a switched-off category is
 *    stored as 'suppressed' and never sent. Otherwise the email is rendered and stored as
 *    'queued' under its idempotency key (unique), so every later run finds it. Without Resend the
 *    stored row is the delivery: it is stored 'sent' with provider 'outbox', and step 2 is skipped.
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
  const recorded = await asSystem((tx) => recordEmail(tx, email, { deliveredByOutbox: !delivery.transport }));
  if (recorded.status === 'sent' && recorded.wasNew) return { outcome: 'sent', outboxId: recorded.id, status: 'sent' };
  if (recorded.status !== 'queued') {
    return {
      outcome: recorded.wasNew ? 'suppressed' : 'already_handled',
      outboxId: recorded.id,
      status: recorded.status,
    };
  }
  return deliver(recorded.id, email, delivery);
}

function parseQueuedEmail(input: QueuedEmail) {
  const email = queuedEmailSchema.safeParse(input);
  if (!email.success) throw new PermanentJobError(`invalid email job: ${z.prettifyError(email.error)}`);
  const payload = emailTemplatePayloadSchema.safeParse({
    template: email.data.template,
    props: email.data.props,
  });
  if (!payload.success) {
    throw new PermanentJobError(
      `invalid props for ${email.data.template}: ${z.prettifyError(payload.error)}`,
    );
  }
  return { ...email.data, payload: payload.data, to: [email.data.to].flat() };
}

type ParsedEmail = ReturnType<typeof parseQueuedEmail>;

/**
 * Step 1. Without Resend the outbox row is the delivery, so an email that is not suppressed is
 * stored as sent at once (one transaction, not a second one that only flips its status).
 */
async function recordEmail(tx: Tx, email: ParsedEmail, options: { deliveredByOutbox: boolean }) {
  await lockIdempotencyKey(tx, email.idempotencyKey);
  const existing = await findOutboxRow(tx, email.idempotencyKey);
  if (existing) {
    if (existing.accountId !== email.accountId) {
      throw new PermanentJobError(`idempotency key ${email.idempotencyKey} belongs to another account`);
    }
    return { ...existing, wasNew: false };
  }
  const category = TEMPLATE_CATEGORY[email.template];
  const base = {
    accountId: email.accountId,
    template: email.template,
    category,
    toAddresses: email.to,
    idempotencyKey: email.idempotencyKey,
  };
  if (!(await isEmailCategoryEnabled(tx, email.accountId, category))) {
    const template = getEmailTemplate(email.payload.template) as { subject: (props: unknown) => string };
    const subject = template.subject(email.payload.props);
    return {
      ...(await insertOutboxRow(tx, { ...base, subject, html: null, text: null, status: 'suppressed' })),
      wasNew: true,
    };
  }
  const rendered = await renderEmail(email.payload.template, email.payload.props as never);
  return {
    ...(await insertOutboxRow(tx, { ...base, ...rendered, status: options.deliveredByOutbox ? 'sent' : 'queued' })),
    wasNew: true,
  };
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
