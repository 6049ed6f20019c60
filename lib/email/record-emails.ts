import 'server-only';
import { z } from 'zod';
import type { Tx } from '@/lib/db';
import { PermanentJobError } from '@/lib/queue/define-job';
import { TEMPLATE_CATEGORY } from './categories';
import {
  findOutboxRows,
  insertOutboxRows,
  lockIdempotencyKeys,
  type NewOutboxRow,
  type RecordedOutboxRow,
} from './outbox-store';
import { areEmailCategoriesEnabled } from './preferences';
import { renderValidEmail } from './render-email';
import { emailTemplatePayloadSchema, queuedEmailSchema, type QueuedEmail } from './schemas';
import { getEmailTemplate } from './templates';

/**
 * A job payload checked against its template's props.
 * @throws PermanentJobError: no retry can make a bad payload good.
 */
export function parseQueuedEmail(input: QueuedEmail) {
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

export type ParsedEmail = ReturnType<typeof parseQueuedEmail>;

export type RecordedEmail =
  /** `wasNew`: this email wrote the row; otherwise an earlier run (or an earlier email of the list) did. */
  | { kind: 'recorded'; row: RecordedOutboxRow; wasNew: boolean }
  /** The key is recorded for another account: nothing was written for this email. */
  | { kind: 'foreign_key' };

/**
 * The record step of the send job (see sendQueuedEmail) for any number of emails, in the caller's
 * system-path transaction, set-based: one statement locks every key, one reads the rows already
 * recorded, one reads the preferences involved, one inserts the new rows. Each key is recorded once:
 * a key already in the outbox, or met earlier in `emails`, is reported with its existing row.
 *
 * The preferences decide: a switched-off category is stored 'suppressed' (subject only, never
 * sent). Otherwise the email is rendered and stored 'queued', or, when the outbox is the delivery
 * (no Resend), 'sent' with provider 'outbox'. Rendering happens only for keys not yet recorded.
 */
export async function recordEmails(
  tx: Tx,
  emails: readonly ParsedEmail[],
  options: { deliveredByOutbox: boolean },
): Promise<RecordedEmail[]> {
  const keys = [...new Set(emails.map((email) => email.idempotencyKey))];
  await lockIdempotencyKeys(tx, keys);
  const rows = new Map((await findOutboxRows(tx, keys)).map((row) => [row.idempotencyKey, row]));
  const writers = new Map<string, ParsedEmail>();
  for (const email of emails) {
    if (!rows.has(email.idempotencyKey) && !writers.has(email.idempotencyKey))
      writers.set(email.idempotencyKey, email);
  }
  const fresh = [...writers.values()];
  const enabled = await areEmailCategoriesEnabled(
    tx,
    fresh.map((email) => ({ accountId: email.accountId, category: TEMPLATE_CATEGORY[email.template] })),
  );
  const newRows = await Promise.all(
    fresh.map((email, index) => outboxRowOf(email, enabled[index]!, options)),
  );
  for (const row of await insertOutboxRows(tx, newRows)) rows.set(row.idempotencyKey, row);
  return emails.map((email) => {
    const row = rows.get(email.idempotencyKey)!;
    if (row.accountId !== email.accountId) return { kind: 'foreign_key' };
    return { kind: 'recorded', row, wasNew: writers.get(email.idempotencyKey) === email };
  });
}

async function outboxRowOf(
  email: ParsedEmail,
  enabled: boolean,
  { deliveredByOutbox }: { deliveredByOutbox: boolean },
): Promise<NewOutboxRow> {
  const base = {
    accountId: email.accountId,
    template: email.template,
    category: TEMPLATE_CATEGORY[email.template],
    toAddresses: email.to,
    idempotencyKey: email.idempotencyKey,
  };
  if (!enabled) {
    const template = getEmailTemplate(email.payload.template) as { subject: (props: unknown) => string };
    return {
      ...base,
      subject: template.subject(email.payload.props),
      html: null,
      text: null,
      status: 'suppressed',
    };
  }
  const rendered = await renderValidEmail(email.payload.template, email.payload.props as never);
  return { ...base, ...rendered, status: deliveredByOutbox ? 'sent' : 'queued' };
}
