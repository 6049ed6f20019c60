import 'server-only';
import { and, count, eq, gte, lt } from 'drizzle-orm';
import { tables, type Tx } from '@/lib/db';
import type { Plan, PlanCatalog } from './plans';
import { readStoredSubscription } from './postgres-store';
import { resolveAccountPlan, resolveUsagePeriod, type UsagePeriod } from './resolve-account-plan';
import type { SubscriptionState } from './sync-subscription';
import { evaluateAllowance, type AllowanceEvaluation } from './usage';

/**
 * Why automatic labels run or not:
 * - `within_allowance`: the plan covers this period's orders.
 * - `over_allowance`: more orders this period than the plan allows; labels pause until the plan
 *   changes or the period rolls over. Orders keep ingesting.
 * - `no_plan`: billing is on and the account has no entitling subscription.
 */
export type AllowanceReason = 'within_allowance' | 'over_allowance' | 'no_plan';

export type PlanUsage = {
  billingEnabled: boolean;
  plan: Plan | null;
  subscription: SubscriptionState | null;
  period: UsagePeriod;
  evaluation: AllowanceEvaluation;
  reason: AllowanceReason;
};

export type PlanUsageOptions = { billingEnabled: boolean; plans: PlanCatalog; now?: Date };

/**
 * The account's plan and how much of it this period's orders use: a read with no side effects,
 * under RLS (billing page, banner) or the system path (pipeline). Orders are counted from
 * public.orders by when we stored them, in the subscription's current period (or the calendar
 * month for the local plan), including the order being decided on.
 */
export async function readPlanUsage(
  tx: Tx,
  accountId: string,
  options: PlanUsageOptions,
): Promise<PlanUsage> {
  const now = options.now ?? new Date();
  const subscription = options.billingEnabled ? await readStoredSubscription(tx, accountId) : null;
  const plan = resolveAccountPlan({
    plans: options.plans,
    billingEnabled: options.billingEnabled,
    subscription,
  });
  const period = resolveUsagePeriod({ subscription: plan?.id === 'local' ? null : subscription, now });
  const [row] = await tx
    .select({ orders: count() })
    .from(tables.orders)
    .where(
      and(
        eq(tables.orders.accountId, accountId),
        gte(tables.orders.createdAt, period.start),
        lt(tables.orders.createdAt, period.end),
      ),
    );
  const evaluation = evaluateAllowance({ plan, ordersThisPeriod: row?.orders ?? 0 });
  const reason: AllowanceReason = !plan
    ? 'no_plan'
    : evaluation.overLimit
      ? 'over_allowance'
      : 'within_allowance';
  return { billingEnabled: options.billingEnabled, plan, subscription, period, evaluation, reason };
}
