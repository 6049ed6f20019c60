import { buildPlanCatalog, getPlan, planForPriceId } from '@/lib/billing/plans';
import { resolveAccountPlan, resolveUsagePeriod } from '@/lib/billing/resolve-account-plan';
import { type SubscriptionState } from '@/lib/billing/sync-subscription';
import { evaluateAllowance } from '@/lib/billing/usage';

const plans = buildPlanCatalog({ starter: 'price_s', growth: 'price_g', pro: 'price_p' });
const starter = getPlan(plans, 'starter');

describe('evaluateAllowance', () => {
  it('leaves labels on while under the allowance', () => {
    expect(evaluateAllowance({ plan: starter, ordersThisPeriod: 120 })).toEqual({
      allowance: 300,
      used: 120,
      remaining: 180,
      overLimit: false,
      nearLimit: false,
      labelsPaused: false,
    });
  });

  it('still labels the order that uses the last unit of the allowance', () => {
    const atLimit = evaluateAllowance({ plan: starter, ordersThisPeriod: 300 });
    expect(atLimit).toMatchObject({ remaining: 0, overLimit: false, nearLimit: true, labelsPaused: false });
  });

  it('pauses only automatic labels past the allowance; remaining never goes negative', () => {
    const over = evaluateAllowance({ plan: starter, ordersThisPeriod: 301 });
    expect(over).toMatchObject({ used: 301, remaining: 0, overLimit: true, labelsPaused: true });
  });

  it('warns from 80% of the allowance', () => {
    expect(evaluateAllowance({ plan: starter, ordersThisPeriod: 239 }).nearLimit).toBe(false);
    expect(evaluateAllowance({ plan: starter, ordersThisPeriod: 240 }).nearLimit).toBe(true);
  });

  it('uses each plan’s own allowance', () => {
    expect(evaluateAllowance({ plan: getPlan(plans, 'growth'), ordersThisPeriod: 301 }).labelsPaused).toBe(
      false,
    );
    expect(evaluateAllowance({ plan: getPlan(plans, 'pro'), ordersThisPeriod: 10_001 }).labelsPaused).toBe(
      true,
    );
    expect(evaluateAllowance({ plan: getPlan(plans, 'local'), ordersThisPeriod: 50_000 }).labelsPaused).toBe(
      false,
    );
  });

  it('pauses automatic labels for an account with no plan', () => {
    expect(evaluateAllowance({ plan: null, ordersThisPeriod: 0 })).toMatchObject({
      allowance: 0,
      overLimit: false,
      labelsPaused: true,
    });
  });

  it('refuses a negative or fractional order count', () => {
    expect(() => evaluateAllowance({ plan: starter, ordersThisPeriod: -1 })).toThrow();
    expect(() => evaluateAllowance({ plan: starter, ordersThisPeriod: 1.5 })).toThrow();
  });
});

describe('plan catalogue', () => {
  it('finds a plan by configured price id, then by lookup key, and nothing for a foreign price', () => {
    expect(planForPriceId(plans, 'price_g')?.id).toBe('growth');
    const unconfigured = buildPlanCatalog({});
    expect(planForPriceId(unconfigured, 'price_random', 'cf_pro_monthly')?.id).toBe('pro');
    expect(planForPriceId(plans, 'price_other', 'someone_elses_key')).toBeNull();
  });

  it('never sells the local plan and refuses one price id for two plans', () => {
    expect(getPlan(plans, 'local').stripePriceId).toBeNull();
    expect(() => buildPlanCatalog({ starter: 'price_same', growth: 'price_same' })).toThrow(
      /own Stripe price/,
    );
    expect(() => buildPlanCatalog({ starter: 'not_a_price' })).toThrow();
  });
});

const state = (overrides: Partial<SubscriptionState>): SubscriptionState => ({
  customerId: 'cus_1',
  subscriptionId: 'sub_1',
  status: 'active',
  planId: 'growth',
  priceId: 'price_g',
  currentPeriodStart: new Date('2026-03-10T00:00:00Z'),
  currentPeriodEnd: new Date('2026-04-10T00:00:00Z'),
  cancelAtPeriodEnd: false,
  entitled: true,
  ...overrides,
});

describe('resolveAccountPlan', () => {
  it('puts everyone on the local plan when billing is off', () => {
    expect(resolveAccountPlan({ plans, billingEnabled: false, subscription: null })?.id).toBe('local');
  });

  it('grants the subscribed plan only while entitled', () => {
    expect(resolveAccountPlan({ plans, billingEnabled: true, subscription: state({}) })?.id).toBe('growth');
    expect(
      resolveAccountPlan({
        plans,
        billingEnabled: true,
        subscription: state({ status: 'canceled', entitled: false }),
      }),
    ).toBeNull();
    expect(resolveAccountPlan({ plans, billingEnabled: true, subscription: null })).toBeNull();
  });
});

describe('resolveUsagePeriod', () => {
  it('counts within the subscription period while it is current', () => {
    const period = resolveUsagePeriod({ subscription: state({}), now: new Date('2026-03-20T12:00:00Z') });
    expect(period).toEqual({
      start: new Date('2026-03-10T00:00:00Z'),
      end: new Date('2026-04-10T00:00:00Z'),
    });
  });

  it('falls back to the UTC calendar month with no subscription or a lapsed period', () => {
    const expected = { start: new Date('2026-05-01T00:00:00Z'), end: new Date('2026-06-01T00:00:00Z') };
    expect(resolveUsagePeriod({ subscription: null, now: new Date('2026-05-31T23:59:59Z') })).toEqual(
      expected,
    );
    expect(resolveUsagePeriod({ subscription: state({}), now: new Date('2026-05-15T00:00:00Z') })).toEqual(
      expected,
    );
  });
});
