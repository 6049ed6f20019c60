import type Stripe from 'stripe';
import { applyStripeEvent } from '@/lib/billing/apply-stripe-event';
import { createCheckoutSession } from '@/lib/billing/checkout';
import { getPlan } from '@/lib/billing/plans';
import { createMemoryBillingStore } from '@/lib/billing/store';
import { fetchSubscriptionState } from '@/lib/billing/sync-subscription';
import { parseStripeEvent } from '@/lib/billing/webhook';
import { control, sandboxPlans, startBillingHarness, WEBHOOK_SECRET, type BillingHarness } from './helpers';

let harness: BillingHarness;
beforeEach(async () => {
  harness = await startBillingHarness();
});
afterEach(async () => {
  await harness.close();
});

/** Runs a real checkout on the stand-in and returns the verified events it delivered. */
const checkout = async (accountId: string, planId: 'starter' | 'growth' | 'pro') => {
  const link = await createCheckoutSession({
    stripe: harness.stripe,
    customerId: null,
    accountId,
    email: `${accountId}@example.com`,
    plan: getPlan(sandboxPlans, planId),
    successUrl: 'http://app.test/ok',
    cancelUrl: 'http://app.test/cancel',
  });
  await fetch(link.url, { redirect: 'manual' });
  const events: Stripe.Event[] = [];
  for (const webhook of harness.receiver.received.splice(0)) {
    events.push(
      await parseStripeEvent({
        rawBody: webhook.rawBody,
        signatureHeader: webhook.signature,
        webhookSecret: WEBHOOK_SECRET,
      }),
    );
  }
  const byType = (type: string) => {
    const event = events.find((candidate) => candidate.type === type);
    if (!event) throw new Error(`no ${type} delivered`);
    return event;
  };
  const customerId = (byType('checkout.session.completed').data.object as Stripe.Checkout.Session)
    .customer as string;
  return { events, byType, customerId };
};

describe('fetchSubscriptionState', () => {
  it('reads the plan, status and period from Stripe after checkout', async () => {
    const { customerId } = await checkout('acc_1', 'starter');
    const state = await fetchSubscriptionState({ stripe: harness.stripe, customerId, plans: sandboxPlans });
    expect(state).toMatchObject({
      customerId,
      status: 'active',
      planId: 'starter',
      priceId: 'price_cf_starter_monthly',
      cancelAtPeriodEnd: false,
      entitled: true,
    });
    expect(state.subscriptionId).toMatch(/^sub_/);
    expect(state.currentPeriodEnd!.getTime()).toBeGreaterThan(state.currentPeriodStart!.getTime());
  });

  it('returns Stripe’s current plan even when the webhook being handled says otherwise', async () => {
    const { customerId, byType } = await checkout('acc_2', 'starter');
    const staleEvent = byType('customer.subscription.created');
    const payloadPrice = (staleEvent.data.object as Stripe.Subscription).items.data[0]?.price.id;
    expect(payloadPrice).toBe('price_cf_starter_monthly');

    // Meanwhile the plan changes in Stripe, and that change's webhook is lost.
    const changed = await control(harness.standIn, '/__sandbox/subscriptions', {
      customer: customerId,
      plan: 'pro',
      deliver_webhooks: false,
    });
    expect(changed.status).toBe(200);

    const { store, stateFor } = createMemoryBillingStore();
    const result = await applyStripeEvent({
      event: staleEvent,
      stripe: harness.stripe,
      store,
      plans: sandboxPlans,
    });
    expect(result).toMatchObject({ outcome: 'synced', accountId: 'acc_2' });
    expect(stateFor('acc_2')).toMatchObject({
      planId: 'pro',
      priceId: 'price_cf_pro_monthly',
      entitled: true,
    });
  });

  it('converges whatever order the events are applied in', async () => {
    const { events } = await checkout('acc_3', 'growth');
    const { store, stateFor } = createMemoryBillingStore();
    for (const event of [...events].reverse()) {
      await applyStripeEvent({ event, stripe: harness.stripe, store, plans: sandboxPlans });
    }
    expect(stateFor('acc_3')).toMatchObject({ planId: 'growth', status: 'active', entitled: true });
  });

  it('reports cancellation, past_due and cancel-at-period-end as Stripe has them', async () => {
    const { customerId } = await checkout('acc_4', 'growth');
    const read = () => fetchSubscriptionState({ stripe: harness.stripe, customerId, plans: sandboxPlans });

    await control(harness.standIn, '/__sandbox/subscriptions', {
      customer: customerId,
      cancel_at_period_end: true,
    });
    expect(await read()).toMatchObject({ status: 'active', cancelAtPeriodEnd: true, entitled: true });

    await control(harness.standIn, '/__sandbox/subscriptions', { customer: customerId, status: 'past_due' });
    expect(await read()).toMatchObject({ status: 'past_due', entitled: true });

    await control(harness.standIn, '/__sandbox/subscriptions', { customer: customerId, status: 'canceled' });
    expect(await read()).toMatchObject({ status: 'canceled', planId: 'growth', entitled: false });
  });

  it('prefers a live subscription over an older canceled one', async () => {
    const customer = 'cus_resubscribed';
    await control(harness.standIn, '/__sandbox/subscriptions', { customer, plan: 'starter' });
    await control(harness.standIn, '/__sandbox/subscriptions', { customer, status: 'canceled' });
    await control(harness.standIn, '/__sandbox/subscriptions', { customer, plan: 'growth' });
    const state = await fetchSubscriptionState({
      stripe: harness.stripe,
      customerId: customer,
      plans: sandboxPlans,
    });
    expect(state).toMatchObject({ status: 'active', planId: 'growth', entitled: true });
  });

  it('returns the none state for a customer without subscriptions, or unknown to Stripe', async () => {
    await control(harness.standIn, '/__sandbox/subscriptions', { customer: 'cus_other', plan: 'pro' });
    await harness.stripe.customers.create({ email: 'empty@example.com' });
    const [empty] = [...harness.standIn.state.customers.values()].filter(
      (c) => c.email === 'empty@example.com',
    );
    for (const customerId of [empty!.id, 'cus_never_existed']) {
      expect(
        await fetchSubscriptionState({ stripe: harness.stripe, customerId, plans: sandboxPlans }),
      ).toEqual({
        customerId,
        subscriptionId: null,
        status: 'none',
        planId: null,
        priceId: null,
        currentPeriodStart: null,
        currentPeriodEnd: null,
        cancelAtPeriodEnd: false,
        entitled: false,
      });
    }
  });
});

describe('applyStripeEvent', () => {
  it('ignores irrelevant events without calling Stripe', async () => {
    const { events } = await checkout('acc_5', 'starter');
    const customerCreated = events.find((event) => event.type === 'customer.created')!;
    const before = harness.standIn.state.requests.length;
    const { store } = createMemoryBillingStore();
    expect(
      await applyStripeEvent({ event: customerCreated, stripe: harness.stripe, store, plans: sandboxPlans }),
    ).toEqual({
      outcome: 'ignored',
      reason: 'irrelevant_type',
    });
    expect(harness.standIn.state.requests.length).toBe(before);
  });

  it('does not attach a customer to an account the event does not name', async () => {
    await control(harness.standIn, '/__sandbox/subscriptions', { customer: 'cus_orphan', plan: 'starter' });
    const event = harness.standIn.state.events.find(
      (candidate) => candidate.type === 'customer.subscription.created',
    )!;
    const { store } = createMemoryBillingStore();
    const result = await applyStripeEvent({
      event: event as unknown as Stripe.Event,
      stripe: harness.stripe,
      store,
      plans: sandboxPlans,
    });
    expect(result).toEqual({ outcome: 'unknown_customer', customerId: 'cus_orphan' });
  });

  it('refuses an event naming a different account than the customer is linked to', async () => {
    const { byType, customerId } = await checkout('acc_6', 'starter');
    const { store, stateFor } = createMemoryBillingStore();
    await store.linkCustomer({ accountId: 'acc_someone_else', customerId });
    const result = await applyStripeEvent({
      event: byType('checkout.session.completed'),
      stripe: harness.stripe,
      store,
      plans: sandboxPlans,
    });
    expect(result).toMatchObject({
      outcome: 'account_mismatch',
      linkedAccountId: 'acc_someone_else',
      eventAccountId: 'acc_6',
    });
    expect(stateFor('acc_6')).toBeNull();
    expect(stateFor('acc_someone_else')).toBeNull();
  });
});
