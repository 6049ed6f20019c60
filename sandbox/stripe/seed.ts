import { PLAN_DEFINITION_LIST } from '../../lib/billing/plans';
import type { PriceObject } from './objects';
import type { StandInState } from './state';

export type PriceSeed = {
  lookupKey: string;
  unitAmount: number;
  nickname: string;
  currency?: string;
  id?: string;
};

/**
 * The prices a fresh stand-in holds: one monthly price per paid plan, read from lib/billing/plans
 * so amounts and lookup keys cannot disagree with the app. Ids are predictable
 * (`price_<lookup key>`) so local config can name them; real Stripe ids are random.
 */
export const defaultPriceSeeds = (): PriceSeed[] =>
  PLAN_DEFINITION_LIST.flatMap((plan) =>
    plan.lookupKey
      ? [
          {
            lookupKey: plan.lookupKey,
            unitAmount: plan.priceCents,
            nickname: `CreatorFlow ${plan.name}`,
            currency: plan.currency,
          },
        ]
      : [],
  );

export const seedPrices = (state: StandInState, seeds: PriceSeed[]) => {
  for (const seed of seeds) {
    const price: PriceObject = {
      id: seed.id ?? `price_${seed.lookupKey}`,
      object: 'price',
      active: true,
      billing_scheme: 'per_unit',
      created: state.now(),
      currency: seed.currency ?? 'usd',
      livemode: false,
      lookup_key: seed.lookupKey,
      metadata: {},
      nickname: seed.nickname,
      product: `prod_${seed.lookupKey}`,
      recurring: {
        interval: 'month',
        interval_count: 1,
        usage_type: 'licensed',
        meter: null,
        trial_period_days: null,
      },
      tax_behavior: 'unspecified',
      type: 'recurring',
      unit_amount: seed.unitAmount,
      unit_amount_decimal: String(seed.unitAmount),
    };
    state.prices.set(price.id, price);
  }
};
