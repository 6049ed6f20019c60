import { z } from 'zod';
import type { Plan } from './plans';

export type AllowanceEvaluation = {
  allowance: number;
  used: number;
  remaining: number;
  /** More orders than the allowance this period. */
  overLimit: boolean;
  /** At or past 80% of the allowance: time to tell the owner before labels pause. */
  nearLimit: boolean;
  /** Automatic label buying is paused. Orders always keep ingesting; nothing is ever dropped. */
  labelsPaused: boolean;
};

/** Share of the allowance at which the owner is warned. */
export const NEAR_LIMIT_RATIO = 0.8;

const ZOrdersThisPeriod = z.number().int().min(0);

/**
 * The allowance rule, pure. `ordersThisPeriod` counts every order ingested in the current usage
 * period including the one being decided on, so with an allowance of 300 the 300th order still
 * gets its label automatically and the 301st does not. Over the limit, orders still ingest and
 * can be labelled by hand; only automatic labels pause until the plan changes or the period
 * rolls over. With no plan (no entitled subscription) every automatic label is paused.
 */
export const evaluateAllowance = ({
  plan,
  ordersThisPeriod,
}: {
  plan: Plan | null;
  ordersThisPeriod: number;
}): AllowanceEvaluation => {
  const used = ZOrdersThisPeriod.parse(ordersThisPeriod);
  const allowance = plan?.monthlyOrderAllowance ?? 0;
  const overLimit = used > allowance;
  return {
    allowance,
    used,
    remaining: Math.max(0, allowance - used),
    overLimit,
    nearLimit: allowance > 0 && used >= allowance * NEAR_LIMIT_RATIO,
    labelsPaused: plan === null || overLimit,
  };
};
