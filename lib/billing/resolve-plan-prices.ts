import 'server-only';
import type Stripe from 'stripe';
import { PAID_PLAN_IDS, PLAN_DEFINITION_LIST, type PlanPriceIds } from './plans';

/**
 * Finds the active Stripe price of every paid plan by its lookup key (cf_starter_monthly, …), for
 * deployments that configure lookup keys in Stripe rather than price ids in env. Run at boot or
 * from a script and feed the result to buildPlanCatalog; a plan whose key is not found is left out
 * (it cannot be bought until a price with that key exists).
 */
export const resolvePlanPriceIds = async ({ stripe }: { stripe: Stripe }): Promise<PlanPriceIds> => {
  const lookupKeys = PLAN_DEFINITION_LIST.flatMap((plan) => (plan.lookupKey ? [plan.lookupKey] : []));
  const prices = await stripe.prices.list({
    lookup_keys: lookupKeys,
    active: true,
    limit: lookupKeys.length,
  });
  const priceIds: PlanPriceIds = {};
  for (const planId of PAID_PLAN_IDS) {
    const lookupKey = PLAN_DEFINITION_LIST.find((plan) => plan.id === planId)?.lookupKey;
    const price = prices.data.find((candidate) => candidate.lookup_key === lookupKey);
    if (price) priceIds[planId] = price.id;
  }
  return priceIds;
};
