import { getPlan, type Plan, type PlanCatalog } from './plans';
import type { SubscriptionState } from './sync-subscription';

export type UsagePeriod = { start: Date; end: Date };

/**
 * The plan that applies to an account now. Without Stripe configured every account is on `local`;
 * with it, only an entitled subscription (see ENTITLED_STATUSES) grants a plan, otherwise null
 * (the app asks the owner to subscribe, and evaluateAllowance pauses automatic labels).
 */
export const resolveAccountPlan = ({
  plans,
  billingEnabled,
  subscription,
}: {
  plans: PlanCatalog;
  billingEnabled: boolean;
  subscription: SubscriptionState | null;
}): Plan | null => {
  if (!billingEnabled) return getPlan(plans, 'local');
  if (!subscription?.entitled || subscription.planId === null) return null;
  return getPlan(plans, subscription.planId);
};

/**
 * The window orders are counted in: the subscription's current billing period while `now` is
 * inside it, else the calendar month (UTC) containing `now` — the local plan, or a stored period
 * that has lapsed because a renewal webhook has not been processed yet.
 */
export const resolveUsagePeriod = ({
  subscription,
  now,
}: {
  subscription: Pick<SubscriptionState, 'currentPeriodStart' | 'currentPeriodEnd'> | null;
  now: Date;
}): UsagePeriod => {
  const start = subscription?.currentPeriodStart;
  const end = subscription?.currentPeriodEnd;
  if (start && end && start <= now && now < end) return { start, end };
  return {
    start: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
    end: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)),
  };
};
