import 'server-only';
import type Stripe from 'stripe';
import { z } from 'zod';

const ZCreateCustomerInput = z.strictObject({
  accountId: z.string().min(1),
  email: z.email(),
  name: z.string().min(1).max(256).optional(),
});

/**
 * Creates the Stripe customer for an account, for callers that want the customer id stored before
 * the first checkout (createCheckoutSession also works without one). The idempotency key makes a
 * double click or a retried request return the same customer for 24 hours instead of a second one;
 * the caller still stores the id and reuses it after that.
 */
export const createCustomer = async ({
  stripe,
  ...input
}: {
  stripe: Stripe;
  accountId: string;
  email: string;
  name?: string;
}): Promise<{ customerId: string }> => {
  const { accountId, email, name } = ZCreateCustomerInput.parse(input);
  const customer = await stripe.customers.create(
    { email, ...(name ? { name } : {}), metadata: { accountId } },
    { idempotencyKey: `cf-customer-${accountId}` },
  );
  return { customerId: customer.id };
};
