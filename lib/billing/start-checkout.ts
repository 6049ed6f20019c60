import 'server-only';
import { z } from 'zod';
import type { AccountContext } from '@/lib/accounts';
import { withRls } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { createCheckoutSession, createPortalSession, type CheckoutSessionLink } from './checkout';
import type { BillingConfig } from './config';
import { getPlan, PAID_PLAN_IDS } from './plans';
import { readStoredSubscription } from './postgres-store';
import { resolvePurchasablePlans } from './purchasable-plans';

export const ZStartCheckoutInput = z.strictObject({ plan: z.enum(PAID_PLAN_IDS) });

type Context = Pick<AccountContext, 'accountId' | 'claims'>;

const requireEnabled = (config: BillingConfig) => {
  if (!config.enabled) {
    throw new AppError(
      'UNAVAILABLE',
      'Billing is not configured on this deployment: every account is on the local plan',
    );
  }
  return config;
};

/**
 * A Stripe Checkout link to subscribe the account to a paid plan. Nothing changes on our side until
 * Stripe's webhooks arrive. An account that already pays changes plan in the Customer Portal
 * instead (a second Checkout would start a second subscription). Callers check `billing:manage`.
 */
export async function startCheckout(
  context: Context,
  input: z.input<typeof ZStartCheckoutInput>,
  billing: BillingConfig,
): Promise<CheckoutSessionLink> {
  const config = requireEnabled(billing);
  const { plan: planId } = ZStartCheckoutInput.parse(input);
  const email = context.claims.email;
  if (!email) throw new AppError('VALIDATION', 'Your login has no email address to bill');
  const subscription = await withRls(context.claims, (tx) => readStoredSubscription(tx, context.accountId));
  if (subscription?.entitled) {
    throw new AppError(
      'CONFLICT',
      'This account already has a subscription: change plans in the billing portal',
    );
  }
  const plans = await resolvePurchasablePlans({ stripe: config.stripe, plans: config.plans });
  return createCheckoutSession({
    stripe: config.stripe,
    plan: getPlan(plans, planId),
    customerId: subscription?.customerId ?? null,
    accountId: context.accountId,
    email,
    successUrl: `${config.appUrl}/settings/billing?checkout=success`,
    cancelUrl: `${config.appUrl}/settings/billing?checkout=cancelled`,
  });
}

/** A Stripe Customer Portal link (change plan, card, cancel, invoices) for the account's customer. */
export async function openBillingPortal(context: Context, billing: BillingConfig): Promise<{ url: string }> {
  const config = requireEnabled(billing);
  const subscription = await withRls(context.claims, (tx) => readStoredSubscription(tx, context.accountId));
  if (!subscription)
    throw new AppError('CONFLICT', 'This account has no Stripe customer yet: choose a plan first');
  return createPortalSession({
    stripe: config.stripe,
    customerId: subscription.customerId,
    returnUrl: `${config.appUrl}/settings/billing`,
  });
}
