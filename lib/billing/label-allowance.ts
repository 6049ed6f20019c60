import 'server-only';
import type { Tx } from '@/lib/db';
import { getBillingConfig } from './config';
import { raisePlanLimitReached, resolvePlanLimitAlerts } from './plan-limit';
import { readPlanUsage, type AllowanceReason, type PlanUsageOptions } from './plan-usage';

export type LabelAllowance = {
  /** Automatic label buying is paused for this account. Orders keep ingesting either way. */
  labelsPaused: boolean;
  reason: AllowanceReason;
  /** 'local', 'starter', 'growth', 'pro', or 'none' without an entitling subscription. */
  planId: string;
  /** Orders stored this period, including the one being decided on. */
  used: number;
  /** Orders the plan covers per period; null without a plan. */
  allowance: number | null;
  periodStart: Date;
  periodEnd: Date;
};

/**
 * The pipeline asks this before buying a label automatically: may it, for this account, now?
 * Over the allowance the answer is no (the order stays ready to ship and can be labelled by
 * hand), and the first time in a period that happens the account gets a plan_limit alert and one
 * plan-limit-reached email (raisePlanLimitReached), in this same transaction. Back within the
 * allowance, open plan-limit alerts are resolved.
 *
 * System path (a job's asSystem transaction): it writes alerts and enqueues an email.
 * `options` defaults to this deployment's billing configuration.
 */
export async function getLabelAllowance(
  tx: Tx,
  accountId: string,
  options?: PlanUsageOptions,
): Promise<LabelAllowance> {
  const usage = await readPlanUsage(tx, accountId, options ?? defaultOptions());
  if (usage.reason === 'over_allowance') await raisePlanLimitReached(tx, accountId, usage);
  else if (usage.reason === 'within_allowance') await resolvePlanLimitAlerts(tx, accountId);
  return {
    labelsPaused: usage.evaluation.labelsPaused,
    reason: usage.reason,
    planId: usage.plan?.id ?? 'none',
    used: usage.evaluation.used,
    allowance: usage.plan ? usage.evaluation.allowance : null,
    periodStart: usage.period.start,
    periodEnd: usage.period.end,
  };
}

function defaultOptions(): PlanUsageOptions {
  const config = getBillingConfig();
  return { billingEnabled: config.enabled, plans: config.plans };
}
