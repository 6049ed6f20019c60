import 'server-only';
import type Stripe from 'stripe';
import { env } from '@/lib/env';
import { buildPlanCatalog, type PlanCatalog } from './plans';
import { createStripeClient } from './stripe-client';

/**
 * Billing as this deployment is configured, built once from lib/env. The domain functions take
 * these values as arguments; only the wiring (routes, pages, jobs, getLabelAllowance) reads them
 * from here.
 *
 * Billing is enabled when STRIPE_SECRET_KEY is set. Without it every account is on the `local`
 * plan, nothing calls Stripe, and the billing page says billing is not configured.
 */
export type BillingConfig =
  | { enabled: false; plans: PlanCatalog; appUrl: string }
  | {
      enabled: true;
      plans: PlanCatalog;
      appUrl: string;
      stripe: Stripe;
      /** Null when STRIPE_WEBHOOK_SECRET is unset: the webhook route then answers 503. */
      webhookSecret: string | null;
    };

let cached: BillingConfig | undefined;

export function getBillingConfig(): BillingConfig {
  cached ??= buildBillingConfig();
  return cached;
}

function buildBillingConfig(): BillingConfig {
  const plans = buildPlanCatalog({
    ...(env.STRIPE_PRICE_STARTER ? { starter: env.STRIPE_PRICE_STARTER } : {}),
    ...(env.STRIPE_PRICE_GROWTH ? { growth: env.STRIPE_PRICE_GROWTH } : {}),
    ...(env.STRIPE_PRICE_PRO ? { pro: env.STRIPE_PRICE_PRO } : {}),
  });
  const appUrl = env.APP_URL.replace(/\/+$/, '');
  if (!env.STRIPE_SECRET_KEY) return { enabled: false, plans, appUrl };
  return {
    enabled: true,
    plans,
    appUrl,
    stripe: createStripeClient({
      secretKey: env.STRIPE_SECRET_KEY,
      ...(env.STRIPE_API_BASE_URL ? { apiBaseUrl: env.STRIPE_API_BASE_URL } : {}),
    }),
    webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? null,
  };
}
