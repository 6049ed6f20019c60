import 'server-only';
import type Stripe from 'stripe';
import { buildPlanCatalog, PAID_PLAN_IDS, type PlanCatalog, type PlanPriceIds } from './plans';
import { resolvePlanPriceIds } from './resolve-plan-prices';

const resolved = new WeakMap<Stripe, Promise<PlanCatalog>>();

/**
 * The catalogue with a Stripe price id on every paid plan that can be bought: configured ids
 * (STRIPE_PRICE_*) win; the rest are looked up once per client by lookup key and remembered for
 * the life of the process (a failed lookup is retried on the next call).
 */
export async function resolvePurchasablePlans({
  stripe,
  plans,
}: {
  stripe: Stripe;
  plans: PlanCatalog;
}): Promise<PlanCatalog> {
  const configured: PlanPriceIds = {};
  for (const plan of plans) {
    if (plan.id !== 'local' && plan.stripePriceId) configured[plan.id] = plan.stripePriceId;
  }
  if (PAID_PLAN_IDS.every((id) => configured[id])) return plans;

  let pending = resolved.get(stripe);
  if (!pending) {
    pending = resolvePlanPriceIds({ stripe }).then((found) => buildPlanCatalog({ ...found, ...configured }));
    pending.catch(() => resolved.delete(stripe));
    resolved.set(stripe, pending);
  }
  return pending;
}
