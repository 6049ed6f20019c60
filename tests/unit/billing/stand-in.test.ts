import Stripe from 'stripe';
import { listInvoices } from '@/lib/billing/invoices';
import { resolvePlanPriceIds } from '@/lib/billing/resolve-plan-prices';
import { createStripeClient, STRIPE_API_VERSION } from '@/lib/billing/stripe-client';
import { parseForm } from '@/sandbox/stripe/form';
import { control, startBillingHarness, type BillingHarness } from './helpers';

describe('parseForm (Stripe form encoding)', () => {
  it('decodes nested bracket keys into objects and indexed arrays', () => {
    const body =
      'mode=subscription&line_items[0][price]=price_a&line_items[0][quantity]=1&line_items[1][price]=price_b' +
      '&metadata[accountId]=acc%201&success_url=http%3A%2F%2Fa.test%2F%3Fs%3D%7BCHECKOUT_SESSION_ID%7D&customer=';
    expect(parseForm(body)).toEqual({
      mode: 'subscription',
      line_items: [{ price: 'price_a', quantity: '1' }, { price: 'price_b' }],
      metadata: { accountId: 'acc 1' },
      success_url: 'http://a.test/?s={CHECKOUT_SESSION_ID}',
      customer: '',
    });
  });

  it('refuses prototype keys, gaps in array indexes, and a key used as both value and object', () => {
    expect(() => parseForm('__proto__[x]=1')).toThrow();
    expect(() => parseForm('items[0][id]=a&items[2][id]=b')).toThrow(/consecutive/);
    expect(() => parseForm('a=1&a[b]=2')).toThrow();
  });
});

describe('createStripeClient', () => {
  it('pins the library’s API version and refuses bad configuration', () => {
    expect(STRIPE_API_VERSION).toBe(Stripe.API_VERSION);
    expect(() => createStripeClient({ secretKey: 'pk_test_publishable' })).toThrow();
    expect(() =>
      createStripeClient({ secretKey: 'sk_test_x', apiBaseUrl: 'ftp://127.0.0.1:4200' }),
    ).toThrow();
    expect(() =>
      createStripeClient({ secretKey: 'sk_test_x', apiBaseUrl: 'http://127.0.0.1:4200/v1' }),
    ).toThrow(/without a path/);
  });
});

describe('the stand-in as the library sees it', () => {
  let harness: BillingHarness;
  beforeEach(async () => {
    harness = await startBillingHarness();
  });
  afterEach(async () => {
    await harness.close();
  });

  it('refuses a wrong secret key with Stripe’s authentication error', async () => {
    const stripe = createStripeClient({
      secretKey: 'sk_test_wrong_key_0000',
      apiBaseUrl: harness.standIn.url,
      maxNetworkRetries: 0,
    });
    await expect(stripe.prices.list()).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });

  it('refuses unknown parameters, as Stripe does, so a typo in our calls cannot pass', async () => {
    const call = harness.stripe.customers.create({
      email: 'a@example.com',
      emial: 'typo',
    } as Stripe.CustomerCreateParams);
    await expect(call).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      code: 'parameter_unknown',
      param: 'emial',
    });
  });

  it('answers an unknown id with resource_missing and an unknown URL with 404', async () => {
    await expect(harness.stripe.subscriptions.retrieve('sub_nope')).rejects.toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
    });
    const response = await fetch(`${harness.standIn.url}/v1/charges`, {
      headers: { Authorization: 'Bearer x' },
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
  });

  it('refuses an idempotency key reused with different parameters', async () => {
    const { stripe } = harness;
    await stripe.customers.create({ email: 'one@example.com' }, { idempotencyKey: 'key-1' });
    await expect(
      stripe.customers.create({ email: 'two@example.com' }, { idempotencyKey: 'key-1' }),
    ).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it('finds the plans’ prices by lookup key', async () => {
    expect(await resolvePlanPriceIds({ stripe: harness.stripe })).toEqual({
      starter: 'price_cf_starter_monthly',
      growth: 'price_cf_growth_monthly',
      pro: 'price_cf_pro_monthly',
    });
  });

  it('lists a customer’s invoices newest first, including a failed renewal, and delivers its webhook', async () => {
    const customer = 'cus_invoices';
    await control(harness.standIn, '/__sandbox/subscriptions', { customer, plan: 'growth' });
    await control(harness.standIn, '/__sandbox/subscriptions', { customer, status: 'past_due' });
    const rows = await listInvoices({ stripe: harness.stripe, customerId: customer, limit: 10 });
    expect(rows.map((row) => [row.status, row.amountDueCents, row.amountPaidCents])).toEqual([
      ['open', 7_900, 0],
      ['paid', 7_900, 7_900],
    ]);
    expect(rows[1]?.number).toMatch(/-0001$/);
    expect(rows[0]?.hostedInvoiceUrl).toMatch(new RegExp(`^${harness.standIn.url}/invoices/in_`));
    expect(rows[0]!.periodEnd.getTime()).toBeGreaterThan(rows[0]!.periodStart.getTime());
    expect(harness.receiver.received.map((webhook) => webhook.type)).toContain('invoice.payment_failed');
  });

  it('re-delivers a recorded event on request (a duplicate delivery for dedupe tests)', async () => {
    await control(harness.standIn, '/__sandbox/subscriptions', { customer: 'cus_dup', plan: 'starter' });
    const created = harness.receiver.received.find(
      (webhook) => webhook.type === 'customer.subscription.created',
    )!;
    const eventId = (JSON.parse(created.rawBody) as { id: string }).id;
    const replay = await control(harness.standIn, `/__sandbox/events/${eventId}/deliver`, {});
    expect(replay.status).toBe(200);
    const copies = harness.receiver.received.filter((webhook) => JSON.parse(webhook.rawBody).id === eventId);
    expect(copies).toHaveLength(2);
    expect(copies[0]?.rawBody).toBe(copies[1]?.rawBody);
  });

  it('reports what it holds and what it delivered', async () => {
    await control(harness.standIn, '/__sandbox/subscriptions', { customer: 'cus_state', plan: 'pro' });
    const { body } = await control(harness.standIn, '/__sandbox/state');
    expect((body.subscriptions as unknown[]).length).toBe(1);
    expect((body.deliveries as { status: number }[]).every((delivery) => delivery.status === 200)).toBe(true);
    const bad = await control(harness.standIn, '/__sandbox/subscriptions', {
      customer: 'cus_state',
      plan: 'enterprise',
    });
    expect(bad.status).toBe(400);
  });
});
