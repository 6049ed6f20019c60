import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import { asSystem, tables } from '@/lib/db';
import { applyStripeEvent, type ApplyStripeEventResult } from './apply-stripe-event';
import type { PlanCatalog } from './plans';
import { createPostgresBillingStore, readStoredSubscription } from './postgres-store';
import type { SubscriptionState } from './sync-subscription';

export type ProcessStripeEventsResult = {
  customerId: string;
  results: { eventId: string; result: ApplyStripeEventResult }[];
  /** The account's stored state before and after, for callers that report plan changes. */
  accountId: string | null;
  before: SubscriptionState | null;
  after: SubscriptionState | null;
};

/**
 * Applies every pending Stripe event of one customer, oldest first, each by re-reading the
 * customer's subscriptions from Stripe (applyStripeEvent). Runs in one transaction that holds a
 * per-customer advisory lock, so two jobs for the same customer never interleave: the later one
 * waits, then reads Stripe after the earlier one has saved, and the stored state converges on
 * Stripe's latest truth whatever order the webhooks came in.
 *
 * Sweeping all pending rows of the customer (not just the job's own event) makes a job whose
 * event was already handled a no-op, and one run catches up a burst of events. A Stripe error
 * rolls everything back and propagates, so the job retries with the rows still pending.
 */
export async function processStripeEventsForCustomer({
  customerId,
  stripe,
  plans,
}: {
  customerId: string;
  stripe: Stripe;
  plans: PlanCatalog;
}): Promise<ProcessStripeEventsResult> {
  return asSystem(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`stripe-customer:${customerId}`}, 0))`,
    );
    const pending = await tx
      .select({ id: tables.webhookEvents.id, payload: tables.webhookEvents.payload })
      .from(tables.webhookEvents)
      .where(
        and(
          eq(tables.webhookEvents.provider, 'stripe'),
          eq(tables.webhookEvents.externalRef, customerId),
          eq(tables.webhookEvents.status, 'pending'),
        ),
      )
      .orderBy(asc(tables.webhookEvents.receivedAt), asc(tables.webhookEvents.id))
      .for('update');

    const store = createPostgresBillingStore(tx);
    const linkedBefore = await store.findAccountIdByCustomerId(customerId);
    const before = linkedBefore ? await readStoredSubscription(tx, linkedBefore) : null;
    const results: ProcessStripeEventsResult['results'] = [];
    let accountId = linkedBefore;

    for (const row of pending) {
      const startedAt = Date.now();
      const event = row.payload as unknown as Stripe.Event;
      const result = await applyStripeEvent({ event, stripe, store, plans });
      results.push({ eventId: event.id, result });
      if (result.outcome === 'synced') accountId = result.accountId;
      await tx
        .update(tables.webhookEvents)
        .set({
          status: result.outcome === 'synced' ? 'processed' : 'ignored',
          accountId: result.outcome === 'synced' ? result.accountId : accountId,
          error: result.outcome === 'synced' ? null : describeSkip(result),
          attempts: sql`${tables.webhookEvents.attempts} + 1`,
          processedAt: sql`now()`,
          processingMs: Date.now() - startedAt,
        })
        .where(eq(tables.webhookEvents.id, row.id));
    }

    const after = accountId ? await readStoredSubscription(tx, accountId) : null;
    return { customerId, results, accountId, before, after };
  });
}

function describeSkip(result: Exclude<ApplyStripeEventResult, { outcome: 'synced' }>): string {
  switch (result.outcome) {
    case 'ignored':
      return `ignored: ${result.reason}`;
    case 'unknown_customer':
      return 'no account is linked to this customer';
    case 'account_mismatch':
      return `event names account ${result.eventAccountId}, customer is linked to ${result.linkedAccountId}`;
  }
}
