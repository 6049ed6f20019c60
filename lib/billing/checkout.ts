import 'server-only';
import type Stripe from 'stripe';
import { z } from 'zod';
import { PlanNotPurchasableError } from './errors';
import type { Plan } from './plans';

const ZCheckoutInput = z.strictObject({
  customerId: z.string().startsWith('cus_').nullable(),
  accountId: z.string().min(1),
  email: z.email(),
  successUrl: z.url(),
  cancelUrl: z.url(),
});

export type CheckoutSessionLink = { id: string; url: string };

/**
 * Starts a Stripe Checkout for a plan's monthly subscription. Nothing changes on our side until
 * Stripe's webhooks say so: the session only carries our account id (client_reference_id and
 * metadata, also copied onto the subscription) so those events can be tied back to the account.
 * With no customer yet, Checkout creates one from the email; pass the existing one otherwise so a
 * creator never ends up with two customers. `successUrl` may contain `{CHECKOUT_SESSION_ID}`.
 */
export const createCheckoutSession = async ({
  stripe,
  plan,
  ...input
}: {
  stripe: Stripe;
  plan: Plan;
  customerId: string | null;
  accountId: string;
  email: string;
  successUrl: string;
  cancelUrl: string;
}): Promise<CheckoutSessionLink> => {
  const { customerId, accountId, email, successUrl, cancelUrl } = ZCheckoutInput.parse(input);
  if (plan.stripePriceId === null) throw new PlanNotPurchasableError(plan.id);

  const metadata = { accountId, planId: plan.id };
  const session = await stripe.checkout.sessions.create({
    mode: 'subscription',
    line_items: [{ price: plan.stripePriceId, quantity: 1 }],
    ...(customerId ? { customer: customerId } : { customer_email: email }),
    client_reference_id: accountId,
    metadata,
    subscription_data: { metadata },
    success_url: successUrl,
    cancel_url: cancelUrl,
  });
  if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a url`);
  return { id: session.id, url: session.url };
};

const ZPortalInput = z.strictObject({
  customerId: z.string().startsWith('cus_'),
  returnUrl: z.url(),
});

/** A Stripe-hosted billing portal link (change plan, card, cancel, invoices) for a customer. */
export const createPortalSession = async ({
  stripe,
  ...input
}: {
  stripe: Stripe;
  customerId: string;
  returnUrl: string;
}): Promise<{ url: string }> => {
  const { customerId, returnUrl } = ZPortalInput.parse(input);
  const session = await stripe.billingPortal.sessions.create({ customer: customerId, return_url: returnUrl });
  return { url: session.url };
};
