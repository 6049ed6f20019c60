import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { asSystem, tables } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { env } from '@/lib/env';
import { logger } from '@/lib/logger';
import { createServerAnalytics, type ServerAnalytics } from './events';
import type { OrderData } from './schemas';

// The process's server analytics client, configured from lib/env (a no-op without
// NEXT_PUBLIC_POSTHOG_KEY). Kept on globalThis: posthog-node holds a flush timer, and Next's dev
// reloads would otherwise start one client per reload.
const globalForAnalytics = globalThis as typeof globalThis & { __creatorflowAnalytics?: ServerAnalytics };

export function getServerAnalytics(): ServerAnalytics {
  globalForAnalytics.__creatorflowAnalytics ??= createServerAnalytics({
    apiKey: env.NEXT_PUBLIC_POSTHOG_KEY,
    host: env.NEXT_PUBLIC_POSTHOG_HOST,
  });
  return globalForAnalytics.__creatorflowAnalytics;
}

/**
 * Runs one tracking call. Analytics observes the work and must never break it: an event that
 * fails validation is logged (with the event's name, not its data) and dropped.
 */
export function trackSafely(name: string, track: (analytics: ServerAnalytics) => void): void {
  try {
    track(getServerAnalytics());
  } catch (error) {
    logger.warn({ err: error, analyticsEvent: name }, 'analytics event dropped');
  }
}

/** For the TikTok order sync: one `order_generated` event per newly stored order (ids only). */
export function trackOrderGenerated(data: OrderData): void {
  trackSafely('order_generated', (analytics) => analytics.trackOrderGenerated(data));
}

/**
 * For the sign-up route, after success: `creator_signed_up` with the user's id and the account
 * the sign-up created (the one they own), nothing else.
 */
export async function trackCreatorSignup(input: {
  userId: string;
  authProvider: 'builtin' | 'supabase';
}): Promise<void> {
  // Never fails the sign-up it reports on: a lookup error is logged and the event skipped.
  const [owned] = await asSystem((tx) =>
    tx
      .select({ accountId: tables.accountMembers.accountId })
      .from(tables.accountMembers)
      .where(and(eq(tables.accountMembers.userId, input.userId), eq(tables.accountMembers.role, 'owner')))
      .orderBy(asc(tables.accountMembers.createdAt))
      .limit(1),
  ).catch((error: unknown) => {
    logger.warn({ err: error }, 'creator_signed_up not tracked: account lookup failed');
    return [];
  });
  if (!owned) return;
  trackSafely('creator_signed_up', (analytics) =>
    analytics.trackCreatorSignup({
      userId: input.userId,
      accountId: owned.accountId,
      authProvider: input.authProvider === 'builtin' ? 'built_in' : 'supabase',
      invited: false,
    }),
  );
}

/** For job handlers: a failed attempt as `creatorflow_error`, with a code, never the message. */
export function trackJobError(input: {
  job: string;
  error: unknown;
  retryable: boolean;
  attempt: number;
  accountId?: string;
}): void {
  trackSafely('creatorflow_error', (analytics) =>
    analytics.trackCreatorFlowError({
      errorCode: errorCodeOf(input.error),
      source: 'job',
      location: input.job,
      retryable: input.retryable,
      attempt: input.attempt,
      ...(input.accountId ? { accountId: input.accountId } : {}),
    }),
  );
}

function errorCodeOf(error: unknown): string {
  if (isAppError(error)) return error.code;
  if (error instanceof Error && /^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(error.name)) return error.name;
  return 'UNKNOWN';
}
