import { createCheckoutSession, createPortalSession } from '@/lib/billing/checkout';
import { createCustomer } from '@/lib/billing/create-customer';
import { PlanNotPurchasableError } from '@/lib/billing/errors';
import { getPlan } from '@/lib/billing/plans';
import { parseStripeEvent } from '@/lib/billing/webhook';
import { sandboxPlans, startBillingHarness, WEBHOOK_SECRET, type BillingHarness } from './helpers';

let harness: BillingHarness;
beforeEach(async () => {
  harness = await startBillingHarness();
});
afterEach(async () => {
  await harness.close();
});

const growth = getPlan(sandboxPlans, 'growth');

describe('createCheckoutSession against the Stripe stand-in', () => {
  it('creates a subscription-mode session carrying our account id, whose page completes checkout', async () => {
    const { stripe, standIn, receiver } = harness;
    const link = await createCheckoutSession({
      stripe,
      customerId: null,
      accountId: 'acc_123',
      email: 'creator@example.com',
      plan: growth,
      successUrl: 'http://app.test/settings/billing?session={CHECKOUT_SESSION_ID}',
      cancelUrl: 'http://app.test/settings/billing',
    });
    expect(link.url.startsWith(`${standIn.url}/checkout/`)).toBe(true);
    const stored = standIn.state.checkoutSessions.get(link.id);
    expect(stored?.session).toMatchObject({
      mode: 'subscription',
      client_reference_id: 'acc_123',
      customer_email: 'creator@example.com',
      metadata: { accountId: 'acc_123', planId: 'growth' },
      status: 'open',
    });
    expect(stored?.lineItems).toEqual([{ price: 'price_cf_growth_monthly', quantity: 1 }]);

    // The browser opens the hosted page: it pays, delivers the webhooks, and redirects back.
    const response = await fetch(link.url, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`http://app.test/settings/billing?session=${link.id}`);

    const types = receiver.received.map((webhook) => webhook.type);
    expect(types).toEqual(
      expect.arrayContaining(['checkout.session.completed', 'customer.subscription.created', 'invoice.paid']),
    );
    // Every delivery is signed with Stripe's scheme and verifies with our webhook parser.
    for (const webhook of receiver.received) {
      const event = await parseStripeEvent({
        rawBody: webhook.rawBody,
        signatureHeader: webhook.signature,
        webhookSecret: WEBHOOK_SECRET,
      });
      expect(event.type).toBe(webhook.type);
    }
    const completed = receiver.received.find((webhook) => webhook.type === 'checkout.session.completed');
    const session = JSON.parse(completed?.rawBody ?? '{}').data.object;
    expect(session).toMatchObject({
      client_reference_id: 'acc_123',
      status: 'complete',
      payment_status: 'paid',
    });
    const subscription = standIn.state.subscriptions.get(session.subscription);
    expect(subscription?.metadata).toEqual({ accountId: 'acc_123', planId: 'growth' });
    expect(subscription?.customer).toBe(session.customer);

    // Opening the page again does not charge twice.
    await fetch(link.url, { redirect: 'manual' });
    expect(standIn.state.subscriptions.size).toBe(1);
  });

  it('reuses an existing customer instead of sending the email', async () => {
    const { stripe, standIn } = harness;
    const { customerId } = await createCustomer({ stripe, accountId: 'acc_9', email: 'nine@example.com' });
    const link = await createCheckoutSession({
      stripe,
      customerId,
      accountId: 'acc_9',
      email: 'nine@example.com',
      plan: growth,
      successUrl: 'http://app.test/ok',
      cancelUrl: 'http://app.test/cancel',
    });
    expect(standIn.state.checkoutSessions.get(link.id)?.session).toMatchObject({
      customer: customerId,
      customer_email: null,
    });
  });

  it('refuses a plan this deployment has no price for, without calling Stripe', async () => {
    const { stripe, standIn } = harness;
    const request = createCheckoutSession({
      stripe,
      customerId: null,
      accountId: 'acc_1',
      email: 'a@example.com',
      plan: getPlan(sandboxPlans, 'local'),
      successUrl: 'http://app.test/ok',
      cancelUrl: 'http://app.test/cancel',
    });
    await expect(request).rejects.toBeInstanceOf(PlanNotPurchasableError);
    expect(standIn.state.requests).toHaveLength(0);
  });

  it('refuses bad input before calling Stripe', async () => {
    const base = {
      stripe: harness.stripe,
      customerId: null,
      accountId: 'acc_1',
      plan: growth,
      cancelUrl: 'http://app.test/c',
    };
    await expect(
      createCheckoutSession({ ...base, email: 'not-an-email', successUrl: 'http://app.test/ok' }),
    ).rejects.toThrow();
    await expect(
      createCheckoutSession({ ...base, email: 'a@example.com', successUrl: 'not a url' }),
    ).rejects.toThrow();
    expect(harness.standIn.state.requests).toHaveLength(0);
  });
});

describe('createCustomer', () => {
  it('returns the same customer when retried for the same account (idempotency key)', async () => {
    const { stripe, standIn } = harness;
    const first = await createCustomer({ stripe, accountId: 'acc_twice', email: 'twice@example.com' });
    const second = await createCustomer({ stripe, accountId: 'acc_twice', email: 'twice@example.com' });
    expect(second.customerId).toBe(first.customerId);
    expect(standIn.state.customers.size).toBe(1);
    expect(standIn.state.customers.get(first.customerId)?.metadata).toEqual({ accountId: 'acc_twice' });
  });
});

describe('createPortalSession', () => {
  it('returns a portal url for the customer, which links back to our return url', async () => {
    const { stripe, standIn } = harness;
    const { customerId } = await createCustomer({ stripe, accountId: 'acc_p', email: 'p@example.com' });
    const { url } = await createPortalSession({
      stripe,
      customerId,
      returnUrl: 'http://app.test/settings/billing',
    });
    expect(url.startsWith(`${standIn.url}/billing_portal/bps_`)).toBe(true);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('href="http://app.test/settings/billing"');
  });

  it('surfaces Stripe’s error for an unknown customer', async () => {
    await expect(
      createPortalSession({
        stripe: harness.stripe,
        customerId: 'cus_missing',
        returnUrl: 'http://app.test/',
      }),
    ).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      code: 'resource_missing',
      param: 'customer',
    });
  });
});
