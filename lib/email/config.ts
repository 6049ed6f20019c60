import 'server-only';
import { env } from '@/lib/env';
import { createResendTransport, type EmailTransport } from './resend-transport';

/**
 * Email delivery as this deployment is configured, built once from lib/env. With RESEND_API_KEY
 * set, emails go through Resend (RESEND_BASE_URL only points it at a local stand-in); without it
 * the outbox table is the delivery and the app shows what would have been sent.
 */
export type EmailConfig = {
  /** Null: no Resend key, deliver to the outbox table. */
  transport: EmailTransport | null;
  /** Absolute base for links in emails (preferences, dashboard, billing). */
  appUrl: string;
};

let cached: EmailConfig | undefined;

export function getEmailConfig(): EmailConfig {
  cached ??= {
    transport: env.RESEND_API_KEY
      ? createResendTransport({
          apiKey: env.RESEND_API_KEY,
          from: env.EMAIL_FROM,
          ...(env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : {}),
        })
      : null,
    appUrl: env.APP_URL.replace(/\/+$/, ''),
  };
  return cached;
}
