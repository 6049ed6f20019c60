import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { trackJobError, trackSafely } from '@/lib/analytics/server';
import { asSystem, tables } from '@/lib/db';
import { logger } from '@/lib/logger';
import { defineJob, PermanentJobError } from '@/lib/queue/define-job';
import { getBillingConfig } from '../config';
import { StripeEventPayloadError } from '../errors';
import { BillingCustomerConflictError } from '../postgres-store';
import { processStripeEventsForCustomer, type ProcessStripeEventsResult } from '../process-stripe-events';

// Imports are file by file, not through '../index': the queue registry loads this module, and
// the billing index pulls in modules that enqueue (a require cycle through the registry).

const JOB_NAME = 'billing.sync-subscription';

/**
 * Brings an account's subscription in line with Stripe after a webhook: applies the customer's
 * pending events by re-reading Stripe (never trusting the payload). Enqueued by the webhook route
 * with singletonKey = customer id; a per-customer lock serialises runs, so it is idempotent and
 * safe under duplicates and retries.
 */
export const syncSubscriptionJob = defineJob({
  name: JOB_NAME,
  schema: z.object({ customerId: z.string().startsWith('cus_'), eventId: z.string().startsWith('evt_') }),
  handler: async ({ customerId, eventId }, context) => {
    const config = getBillingConfig();
    if (!config.enabled) throw new PermanentJobError('Stripe is not configured (STRIPE_SECRET_KEY is unset)');
    try {
      const outcome = await processStripeEventsForCustomer({
        customerId,
        stripe: config.stripe,
        plans: config.plans,
      });
      reportPlanChange(outcome);
    } catch (error) {
      const permanent =
        error instanceof BillingCustomerConflictError || error instanceof StripeEventPayloadError;
      trackJobError({ job: JOB_NAME, error, retryable: !permanent, attempt: context.retryCount + 1 });
      await recordAttemptError(eventId, error);
      if (permanent) throw new PermanentJobError((error as Error).message, { cause: error });
      throw error;
    }
  },
  queue: { retryLimit: 10, retryDelaySeconds: 5, retryDelayMaxSeconds: 900, expireInSeconds: 120 },
  work: { localConcurrency: 2, batchSize: 1 },
});

function reportPlanChange({ accountId, before, after }: ProcessStripeEventsResult): void {
  if (!accountId || !after) return;
  const planOf = (state: typeof before) => (state?.entitled && state.planId ? state.planId : 'none');
  const changed =
    planOf(before) !== planOf(after) ||
    before?.status !== after.status ||
    before?.cancelAtPeriodEnd !== after.cancelAtPeriodEnd;
  if (!changed) return;
  logger.info(
    { accountId, fromPlan: planOf(before), toPlan: planOf(after), status: after.status },
    'subscription synced',
  );
  trackSafely('subscription_changed', (analytics) =>
    analytics.trackSubscriptionChanged({
      accountId,
      fromPlan: planOf(before),
      toPlan: planOf(after),
      status: after.status,
      cancelAtPeriodEnd: after.cancelAtPeriodEnd,
    }),
  );
}

/** The failed attempt rolled back; note it on the event row (own transaction) for the webhook log. */
async function recordAttemptError(eventId: string, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message.slice(0, 500) : 'unknown error';
  await asSystem((tx) =>
    tx
      .update(tables.webhookEvents)
      .set({ attempts: sql`${tables.webhookEvents.attempts} + 1`, error: message })
      .where(
        and(eq(tables.webhookEvents.provider, 'stripe'), eq(tables.webhookEvents.providerEventId, eventId)),
      ),
  ).catch((recordError: unknown) =>
    logger.warn({ err: recordError, eventId }, 'could not record Stripe sync error'),
  );
}
