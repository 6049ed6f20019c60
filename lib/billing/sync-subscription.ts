import 'server-only';
import Stripe from 'stripe';
import { z } from 'zod';
import { planForPriceId, type PlanCatalog, type PlanId } from './plans';

export type SubscriptionStatus = Stripe.Subscription.Status | 'none';

/** What we store per account: a projection of Stripe's truth at the time it was read. */
export type SubscriptionState = {
  customerId: string;
  subscriptionId: string | null;
  status: SubscriptionStatus;
  /** Plan of the subscription described; null with no subscription or with a price we do not sell. */
  planId: PlanId | null;
  priceId: string | null;
  currentPeriodStart: Date | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  /** Whether the plan applies now. See ENTITLED_STATUSES. */
  entitled: boolean;
};

/**
 * Statuses that keep the plan. `past_due` is included on purpose: Stripe is still retrying the
 * card (smart retries), and cutting labels off mid-dunning would punish a creator for a bank hiccup.
 */
export const ENTITLED_STATUSES: ReadonlySet<SubscriptionStatus> = new Set(['active', 'trialing', 'past_due']);

// When a customer has several subscriptions (an old canceled one and a new one), the one that
// decides entitlement wins; ties go to the newest.
const STATUS_RANK: Record<string, number> = {
  active: 0,
  trialing: 0,
  past_due: 1,
  unpaid: 2,
  paused: 2,
  incomplete: 3,
  canceled: 4,
  incomplete_expired: 5,
};

const ZCustomerId = z.string().startsWith('cus_');

const noSubscription = (customerId: string): SubscriptionState => ({
  customerId,
  subscriptionId: null,
  status: 'none',
  planId: null,
  priceId: null,
  currentPeriodStart: null,
  currentPeriodEnd: null,
  cancelAtPeriodEnd: false,
  entitled: false,
});

const fromUnix = (seconds: number | undefined): Date | null =>
  seconds === undefined ? null : new Date(seconds * 1000);

/**
 * Re-reads a customer's subscriptions from Stripe and reduces them to one state. Call it for every
 * relevant webhook (with only the customer id taken from the event), after checkout, or on demand:
 * it is idempotent and converges on Stripe's current truth whatever order events arrived in.
 */
export const fetchSubscriptionState = async ({
  stripe,
  customerId,
  plans,
}: {
  stripe: Stripe;
  customerId: string;
  plans: PlanCatalog;
}): Promise<SubscriptionState> => {
  ZCustomerId.parse(customerId);
  let subscriptions: Stripe.Subscription[];
  try {
    // status 'all' includes canceled ones, so a cancellation is observed rather than inferred.
    const page = await stripe.subscriptions.list({ customer: customerId, status: 'all', limit: 100 });
    subscriptions = page.data;
  } catch (error) {
    // A deleted customer has, by definition, nothing to bill.
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing') {
      return noSubscription(customerId);
    }
    throw error;
  }

  const chosen = [...subscriptions].sort(
    (a, b) => (STATUS_RANK[a.status] ?? 9) - (STATUS_RANK[b.status] ?? 9) || b.created - a.created,
  )[0];
  if (!chosen) return noSubscription(customerId);

  const items = chosen.items.data;
  const planItem =
    items.find((item) => planForPriceId(plans, item.price.id, item.price.lookup_key)) ?? items[0];
  const plan = planItem ? planForPriceId(plans, planItem.price.id, planItem.price.lookup_key) : null;
  return {
    customerId,
    subscriptionId: chosen.id,
    status: chosen.status,
    planId: plan?.id ?? null,
    priceId: planItem?.price.id ?? null,
    currentPeriodStart: fromUnix(planItem?.current_period_start),
    currentPeriodEnd: fromUnix(planItem?.current_period_end),
    cancelAtPeriodEnd: chosen.cancel_at_period_end,
    // A subscription on a price we do not sell grants nothing.
    entitled: ENTITLED_STATUSES.has(chosen.status) && plan !== null,
  };
};
