import 'server-only';
import { sql } from 'drizzle-orm';
import type { Tx } from '@/lib/db';
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

const HOUR_MS = 3_600_000;

/**
 * Orders the account stored in [start, end): the whole UTC hours inside the period from
 * public.order_counts_hourly (kept by a trigger on orders), the partial hours at either edge
 * counted from orders itself. At most ~744 hourly rows (times their shards) and two hours of
 * orders, however many orders the period holds.
 */
export async function countOrdersStored(tx: Tx, accountId: string, period: { start: Date; end: Date }): Promise<number> {
  const firstWholeHour = new Date(Math.ceil(period.start.getTime() / HOUR_MS) * HOUR_MS);
  const endOfWholeHours = new Date(Math.max(Math.floor(period.end.getTime() / HOUR_MS) * HOUR_MS, firstWholeHour.getTime()));
  const headEnd = new Date(Math.min(firstWholeHour.getTime(), period.end.getTime()));
  const [start, end, first, last, head] = [period.start, period.end, firstWholeHour, endOfWholeHours, headEnd].map((at) => at.toISOString());
  const { rows } = await tx.execute<{ orders: number }>(sql`
    select (
      coalesce((select sum(c.orders) from public.order_counts_hourly c
        where c.account_id = ${accountId} and c.hour >= ${first}::timestamptz and c.hour < ${last}::timestamptz), 0)
      + (select count(*) from public.orders o
        where o.account_id = ${accountId} and o.created_at >= ${start}::timestamptz and o.created_at < ${head}::timestamptz)
      + (select count(*) from public.orders o
        where o.account_id = ${accountId} and o.created_at >= ${last}::timestamptz and o.created_at < ${end}::timestamptz)
    )::int as orders`);
  return rows[0]?.orders ?? 0;
}

/**
 * The account's plan and how much of it this period's orders use: a read with no side effects,
 * under RLS (billing page, banner) or the system path (pipeline). Orders are counted by when we
 * stored them (countOrdersStored), in the subscription's current period (or the calendar month for
 * the local plan), including the order being decided on.
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
  const ordersThisPeriod = await countOrdersStored(tx, accountId, period);
  const evaluation = evaluateAllowance({ plan, ordersThisPeriod });
  const reason: AllowanceReason = !plan
    ? 'no_plan'
    : evaluation.overLimit
      ? 'over_allowance'
      : 'within_allowance';
  return { billingEnabled: options.billingEnabled, plan, subscription, period, evaluation, reason };
}
