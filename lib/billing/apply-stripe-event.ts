import 'server-only';
import type Stripe from 'stripe';
import type { PlanCatalog } from './plans';
import { readEventSubject } from './read-event-subject';
import type { BillingStore } from './store';
import { fetchSubscriptionState, type SubscriptionState } from './sync-subscription';
import { isRelevantEvent } from './webhook';

export type ApplyStripeEventResult =
  | { outcome: 'ignored'; reason: 'irrelevant_type' | 'no_customer' }
  /** No account is linked to the customer and the event does not name one: nothing to update. */
  | { outcome: 'unknown_customer'; customerId: string }
  /** The event names a different account than the one the customer is linked to; not applied. */
  | { outcome: 'account_mismatch'; customerId: string; linkedAccountId: string; eventAccountId: string }
  | { outcome: 'synced'; accountId: string; state: SubscriptionState };

/**
 * Applies one verified Stripe event: find the account, re-read the customer's subscriptions from
 * Stripe, save the projection. The payload contributes identifiers only, so this is idempotent and
 * safe to run for duplicate, late or out-of-order deliveries (a job handler, retried on throw).
 * Stripe API errors propagate so the job can retry them.
 */
export const applyStripeEvent = async ({
  event,
  stripe,
  store,
  plans,
}: {
  event: Stripe.Event;
  stripe: Stripe;
  store: BillingStore;
  plans: PlanCatalog;
}): Promise<ApplyStripeEventResult> => {
  if (!isRelevantEvent(event.type)) return { outcome: 'ignored', reason: 'irrelevant_type' };
  const subject = readEventSubject(event);
  const { customerId } = subject;
  if (!customerId) return { outcome: 'ignored', reason: 'no_customer' };

  let accountId = await store.findAccountIdByCustomerId(customerId);
  if (accountId && subject.accountId && accountId !== subject.accountId) {
    return {
      outcome: 'account_mismatch',
      customerId,
      linkedAccountId: accountId,
      eventAccountId: subject.accountId,
    };
  }
  if (!accountId && subject.accountId) {
    // First sight of a customer that Checkout created: the account id is ours (set when we
    // created the session), and the event is signature-verified, so the link can be trusted.
    await store.linkCustomer({ accountId: subject.accountId, customerId });
    accountId = subject.accountId;
  }
  if (!accountId) return { outcome: 'unknown_customer', customerId };

  const state = await fetchSubscriptionState({ stripe, customerId, plans });
  await store.saveSubscriptionState({ accountId, state });
  return { outcome: 'synced', accountId, state };
};
