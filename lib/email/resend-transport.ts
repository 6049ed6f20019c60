import { Resend } from 'resend';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { outgoingEmailSchema, type OutgoingEmail } from './schemas';

export const RESEND_DEFAULT_BASE_URL = 'https://api.resend.com';

const transportConfigSchema = z.object({
  apiKey: z.string().min(1, 'Resend API key is required'),
  /** Only changed to point at a local stand-in; the SDK would otherwise read RESEND_BASE_URL. */
  baseUrl: z.url({ protocol: /^https?$/ }).default(RESEND_DEFAULT_BASE_URL),
  /** "CreatorFlow <notifications@creatorflow.dev>" — must be on a domain verified in Resend. */
  from: z.string().min(3),
});
export type ResendTransportConfig = z.input<typeof transportConfigSchema>;

export interface SentEmail {
  /** Resend's id for the message; the same id comes back when an idempotent request is replayed. */
  providerMessageId: string;
}

export interface EmailTransport {
  send(email: OutgoingEmail): Promise<SentEmail>;
}

/**
 * A failed send. `retryable` is the contract with the send job: true means try again later
 * (rate limit, provider outage, network), false means the same request can never succeed
 * (bad address, unverified domain, invalid key) and the job must stop retrying.
 */
export class EmailSendError extends AppError {
  constructor(
    message: string,
    /** Resend's error name, e.g. `validation_error`, `rate_limit_exceeded`. */
    readonly providerCode: string,
    /** HTTP status from Resend; null when no answer arrived. */
    readonly providerStatus: number | null,
    readonly retryable: boolean,
    /** From Retry-After on a 429, when Resend sends one. */
    readonly retryAfterSeconds?: number,
  ) {
    super('UPSTREAM', message, { provider: 'resend', providerCode, providerStatus, retryable });
    this.name = 'EmailSendError';
  }
}

// Codes that look like client errors but clear up by themselves.
const RETRYABLE_CODES = new Set([
  'rate_limit_exceeded',
  'daily_quota_exceeded',
  'concurrent_idempotent_requests',
]);
// Codes that never clear up by retrying the same request, whatever their status.
const PERMANENT_CODES = new Set([
  'monthly_quota_exceeded',
  'invalid_idempotent_request',
  'invalid_idempotency_key',
]);

export function isRetryableResendError(status: number | null, code: string): boolean {
  if (PERMANENT_CODES.has(code)) return false;
  if (RETRYABLE_CODES.has(code)) return true;
  // No status: the SDK could not reach Resend or read its answer (network, DNS, timeout).
  if (status === null) return true;
  return status === 408 || status === 429 || status >= 500;
}

/**
 * Sends through the official Resend SDK. Every send carries the caller's idempotency key as the
 * `Idempotency-Key` header, so a job retried after a crash or timeout never sends twice.
 */
export function createResendTransport(config: ResendTransportConfig): EmailTransport {
  const { apiKey, baseUrl, from } = transportConfigSchema.parse(config);
  const resend = new Resend(apiKey, { baseUrl });

  return {
    async send(email) {
      const message = outgoingEmailSchema.parse(email);
      const { data, error, headers } = await resend.emails.send(
        {
          from,
          to: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
          replyTo: message.replyTo,
          tags: message.tags
            ? Object.entries(message.tags).map(([name, value]) => ({ name, value }))
            : undefined,
        },
        { idempotencyKey: message.idempotencyKey },
      );
      if (error) {
        // The SDK passes Resend's JSON error body through; statusCode is absent only when the
        // request never got an answer.
        const status = typeof error.statusCode === 'number' ? error.statusCode : null;
        const code = error.name ?? 'application_error';
        const retryAfter = Number(headers?.['retry-after']);
        throw new EmailSendError(
          `Resend rejected the email (${status ?? 'no response'} ${code}): ${error.message}`,
          code,
          status,
          isRetryableResendError(status, code),
          Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined,
        );
      }
      return { providerMessageId: data.id };
    },
  };
}
