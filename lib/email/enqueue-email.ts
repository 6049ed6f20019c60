import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { enqueue } from '@/lib/queue';
import { getEmailConfig } from './config';
import { listAccountOwnerEmails } from './recipients';
import { emailPropsSchemas, type EmailProps, type EmailTemplateName } from './schemas';

export type EnqueueEmailResult =
  | { enqueued: true; idempotencyKey: string; jobId: string | null }
  /** Nothing to do: no address to send to, or this key was already sent (or suppressed). */
  | { enqueued: false; idempotencyKey: string; reason: 'no_recipient' | 'already_recorded' | 'no_items' };

/**
 * Enqueues one `email.send-email` job inside the caller's transaction: the email exists if and
 * only if the caller's write commits. Props are validated here, so a bad call fails in the caller
 * rather than later in the queue. Safe to call twice for the same email: the idempotency key is
 * unique in the outbox and the job sends once.
 */
export async function enqueueEmail<N extends EmailTemplateName>(
  tx: Tx,
  input: {
    accountId: string;
    template: N;
    props: EmailProps<N>;
    to: string | string[];
    idempotencyKey: string;
  },
): Promise<EnqueueEmailResult> {
  const { accountId, template, to, idempotencyKey } = input;
  const props = emailPropsSchemas[template].safeParse(input.props);
  if (!props.success) {
    throw new AppError(
      'VALIDATION',
      `Invalid props for email "${template}": ${z.prettifyError(props.error)}`,
    );
  }
  const recipients = [to].flat();
  if (recipients.length === 0) return { enqueued: false, idempotencyKey, reason: 'no_recipient' };
  const [recorded] = await tx
    .select({ id: tables.emailOutbox.id })
    .from(tables.emailOutbox)
    .where(eq(tables.emailOutbox.idempotencyKey, idempotencyKey));
  if (recorded) return { enqueued: false, idempotencyKey, reason: 'already_recorded' };

  const jobId = await enqueue(
    'email.send-email',
    {
      accountId,
      template,
      to: recipients.length === 1 ? recipients[0]! : recipients,
      props: props.data as Record<string, unknown>,
      idempotencyKey,
    },
    { tx },
  );
  return { enqueued: true, idempotencyKey, jobId };
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
