import 'server-only';
import { z } from 'zod';
import { anyOf, tables, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { enqueueMany } from '@/lib/queue';
import { getEmailConfig } from './config';
import { listAccountOwnerEmails } from './recipients';
import { emailPropsSchemas, type EmailProps, type EmailTemplateName } from './schemas';

export type EnqueueEmailResult =
  | { enqueued: true; idempotencyKey: string }
  /** Nothing to do: no address to send to, or this key was already sent (or suppressed). */
  | { enqueued: false; idempotencyKey: string; reason: 'no_recipient' | 'already_recorded' | 'no_items' };

/** One email to enqueue: what the `email.send-email` job will send. */
export type EmailToEnqueue<N extends EmailTemplateName = EmailTemplateName> = {
  accountId: string;
  template: N;
  props: EmailProps<N>;
  to: string | string[];
  idempotencyKey: string;
};

/**
 * Enqueues one `email.send-email` job inside the caller's transaction: the email exists if and
 * only if the caller's write commits. Props are validated here, so a bad call fails in the caller
 * rather than later in the queue. Safe to call twice for the same email: the idempotency key is
 * unique in the outbox and the job sends once.
 */
export async function enqueueEmail<N extends EmailTemplateName>(
  tx: Tx,
  input: EmailToEnqueue<N>,
): Promise<EnqueueEmailResult> {
  const [result] = await enqueueEmails(tx, [input]);
  if (result instanceof AppError) throw result;
  return result!;
}

/**
 * enqueueEmail for many emails at once (a batch of shipped orders): one statement checks every
 * key against the outbox, one enqueues every job. Returns, per email in order, its result or the
 * AppError (VALIDATION: invalid props) that kept it out; the others are enqueued all the same.
 */
export async function enqueueEmails(
  tx: Tx,
  emails: readonly EmailToEnqueue[],
): Promise<(EnqueueEmailResult | AppError)[]> {
  const checked = emails.map((email) => {
    const props = emailPropsSchemas[email.template].safeParse(email.props);
    if (!props.success) {
      return new AppError(
        'VALIDATION',
        `Invalid props for email "${email.template}": ${z.prettifyError(props.error)}`,
      );
    }
    const recipients = [email.to].flat();
    return {
      idempotencyKey: email.idempotencyKey,
      recipients,
      job: {
        accountId: email.accountId,
        template: email.template,
        to: recipients.length === 1 ? recipients[0]! : recipients,
        props: props.data as Record<string, unknown>,
        idempotencyKey: email.idempotencyKey,
      },
    };
  });
  type Checked = Exclude<(typeof checked)[number], AppError>;
  const sendable = checked.filter(
    (email): email is Checked => !(email instanceof AppError) && email.recipients.length > 0,
  );
  const recorded = await recordedKeys(
    tx,
    sendable.map((email) => email.idempotencyKey),
  );
  await enqueueMany(
    'email.send-email',
    sendable.filter((email) => !recorded.has(email.idempotencyKey)).map((email) => ({ data: email.job })),
    { tx },
  );
  return checked.map((email): EnqueueEmailResult | AppError => {
    if (email instanceof AppError) return email;
    const { idempotencyKey } = email;
    if (email.recipients.length === 0) return { enqueued: false, idempotencyKey, reason: 'no_recipient' };
    if (recorded.has(idempotencyKey)) return { enqueued: false, idempotencyKey, reason: 'already_recorded' };
    return { enqueued: true, idempotencyKey };
  });
}

async function recordedKeys(tx: Tx, idempotencyKeys: readonly string[]): Promise<Set<string>> {
  if (idempotencyKeys.length === 0) return new Set();
  const rows = await tx
    .select({ idempotencyKey: tables.emailOutbox.idempotencyKey })
    .from(tables.emailOutbox)
    .where(anyOf(tables.emailOutbox.idempotencyKey, idempotencyKeys, 'text'));
  return new Set(rows.map((row) => row.idempotencyKey));
}

/** Props of an account email without the link the helpers fill in themselves. */
export type AccountEmailProps<N extends EmailTemplateName> = Omit<EmailProps<N>, 'preferencesUrl'>;

/**
 * An email about the account, to its owners (see listAccountOwnerEmails), with the link to the
 * account's notification settings filled in.
 */
export async function enqueueAccountEmail<N extends EmailTemplateName>(
  tx: Tx,
  input: { accountId: string; template: N; props: AccountEmailProps<N>; idempotencyKey: string },
): Promise<EnqueueEmailResult> {
  const to = await listAccountOwnerEmails(tx, input.accountId);
  const props = { ...input.props, preferencesUrl: appLink('/settings/notifications') } as EmailProps<N>;
  return enqueueEmail(tx, { ...input, props, to });
}

/** An absolute link into the app for an email. */
export const appLink = (path: string): string => `${getEmailConfig().appUrl}${path}`;
