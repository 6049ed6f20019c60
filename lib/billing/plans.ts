import { z } from 'zod';

/**
 * The one place plans are defined. Pure data plus lookups: no Stripe calls and no `server-only`,
 * so a pricing page and the Stripe stand-in (sandbox/stripe) can read the same catalogue.
 *
 * `local` is the plan of an install where Stripe is not configured (dev, self-hosting): free and
 * generous, never sold. The paid plans are sold through Stripe prices found by lookup key; which
 * price id belongs to which plan is configuration, passed in by the caller (see buildPlanCatalog).
 */
export const PLAN_IDS = ['local', 'starter', 'growth', 'pro'] as const;
export type PlanId = (typeof PLAN_IDS)[number];
export const PAID_PLAN_IDS = ['starter', 'growth', 'pro'] as const;
export type PaidPlanId = (typeof PAID_PLAN_IDS)[number];

export type PlanFeatures = {
  automationRules: boolean;
  teamSeats: number;
  multiShop: boolean;
  maxShops: number;
};

export type Plan = {
  id: PlanId;
  name: string;
  /** Orders per billing period that get automatic labels. Orders past it still ingest. */
  monthlyOrderAllowance: number;
  priceCents: number;
  currency: 'usd';
  /** Stable Stripe price lookup key; null for the unbilled local plan. */
  lookupKey: string | null;
  /** Stripe price id from configuration; null when not configured (or for `local`). */
  stripePriceId: string | null;
  features: PlanFeatures;
};

type PlanDefinition = Omit<Plan, 'stripePriceId'>;

const PLAN_DEFINITIONS: Record<PlanId, PlanDefinition> = {
  local: {
    id: 'local',
    name: 'Local',
    monthlyOrderAllowance: 100_000,
    priceCents: 0,
    currency: 'usd',
    lookupKey: null,
    features: { automationRules: true, teamSeats: 50, multiShop: true, maxShops: 25 },
  },
  starter: {
    id: 'starter',
    name: 'Starter',
    monthlyOrderAllowance: 300,
    priceCents: 2_900,
    currency: 'usd',
    lookupKey: 'cf_starter_monthly',
    features: { automationRules: false, teamSeats: 1, multiShop: false, maxShops: 1 },
  },
  growth: {
    id: 'growth',
    name: 'Growth',
    monthlyOrderAllowance: 2_000,
    priceCents: 7_900,
    currency: 'usd',
    lookupKey: 'cf_growth_monthly',
    features: { automationRules: true, teamSeats: 5, multiShop: true, maxShops: 3 },
  },
  pro: {
    id: 'pro',
    name: 'Pro',
    monthlyOrderAllowance: 10_000,
    priceCents: 19_900,
    currency: 'usd',
    lookupKey: 'cf_pro_monthly',
    features: { automationRules: true, teamSeats: 20, multiShop: true, maxShops: 10 },
  },
};

/** The plan definitions without price ids, e.g. for seeding prices or a static pricing table. */
export const PLAN_DEFINITION_LIST: readonly PlanDefinition[] = PLAN_IDS.map((id) => PLAN_DEFINITIONS[id]);

export const ZPlanPriceIds = z
  .strictObject({
    starter: z.string().startsWith('price_').optional(),
    growth: z.string().startsWith('price_').optional(),
    pro: z.string().startsWith('price_').optional(),
  })
  .refine(
    (ids) => {
      const configured = Object.values(ids).filter((id) => id !== undefined);
      return new Set(configured).size === configured.length;
    },
    { message: 'each plan needs its own Stripe price id' },
  );
export type PlanPriceIds = z.infer<typeof ZPlanPriceIds>;

export type PlanCatalog = readonly Plan[];

/** Builds the catalogue for this deployment: definitions plus the configured Stripe price ids. */
export const buildPlanCatalog = (priceIds: PlanPriceIds = {}): PlanCatalog => {
  const ids = ZPlanPriceIds.parse(priceIds);
  return PLAN_IDS.map((id) => ({
    ...PLAN_DEFINITIONS[id],
    stripePriceId: id === 'local' ? null : (ids[id] ?? null),
  }));
};

export const isPlanId = (value: unknown): value is PlanId =>
  typeof value === 'string' && (PLAN_IDS as readonly string[]).includes(value);

export const getPlan = (catalog: PlanCatalog, planId: PlanId): Plan => {
  const plan = catalog.find((candidate) => candidate.id === planId);
  if (!plan) throw new Error(`Plan catalogue has no plan "${planId}"`);
  return plan;
};

/**
 * The plan a Stripe price belongs to: by configured price id first, then by lookup key, so a
 * deployment that has not configured ids still recognises its own prices. Null for a foreign price.
 */
export const planForPriceId = (
  catalog: PlanCatalog,
  priceId: string,
  lookupKey?: string | null,
): Plan | null =>
  catalog.find((plan) => plan.stripePriceId !== null && plan.stripePriceId === priceId) ??
  (lookupKey ? (catalog.find((plan) => plan.lookupKey === lookupKey) ?? null) : null);
