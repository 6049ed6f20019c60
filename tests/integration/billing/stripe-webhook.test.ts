import { sql } from 'drizzle-orm';
import Stripe from 'stripe';
import {
  createStripeStandIn,
  SANDBOX_SECRET_KEY,
  SANDBOX_WEBHOOK_SECRET,
  type StripeStandIn,
} from '@/sandbox/stripe';
import { setEnv, waitFor } from './fixtures';

/**
 * The Stripe webhook route end to end: events signed with the library's own test-header helper
 * are posted to the real route handler; the billing.sync-subscription job (pg-boss, in-process)
 * re-reads the subscription from the Stripe stand-in through the official client.
 *
 * lib/env is read once per test file at first import, and the stand-in's port is only known once
 * it listens, so every app module is imported after the environment is set (see beforeAll).
 */
let standIn: StripeStandIn;
let restoreEnv: () => void;
let app: {
  route: typeof import('@/app/api/webhooks/stripe/route');
  db: typeof import('@/lib/db');
  runtime: typeof import('@/lib/queue/runtime');
  job: typeof import('@/lib/billing/jobs/sync-subscription.job');
  tenants: typeof import('@/tests/factories/tenants');
};

beforeAll(async () => {
  standIn = await createStripeStandIn({ port: 0, webhookUrl: null });
  restoreEnv = setEnv({
    STRIPE_SECRET_KEY: SANDBOX_SECRET_KEY,
    STRIPE_WEBHOOK_SECRET: SANDBOX_WEBHOOK_SECRET,
    STRIPE_API_BASE_URL: standIn.url,
  });
  app = {
    route: await import('@/app/api/webhooks/stripe/route'),
    db: await import('@/lib/db'),
    runtime: await import('@/lib/queue/runtime'),
    job: await import('@/lib/billing/jobs/sync-subscription.job'),
    tenants: await import('@/tests/factories/tenants'),
  };
  await app.runtime.startWorkers([app.job.syncSubscriptionJob]);
});

afterAll(async () => {
  await app?.runtime.stopQueueRuntime();
  await app?.db.closeDb();
  await standIn?.close();
  restoreEnv?.();
});

const control = async (path: string, body: unknown) => {
  const response = await fetch(`${standIn.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { events: { id: string; type: string }[] };
};

/** The full Stripe event object the stand-in recorded, as Stripe would deliver it. */
const recordedEvent = (events: { id: string; type: string }[], type: string) => {
  const summary = events.find((event) => event.type === type);
  const event = standIn.state.events.find((candidate) => candidate.id === summary?.id);
  if (!event) throw new Error(`the stand-in recorded no ${type}`);
  return event;
};

const post = async (body: string, signature: string | null) =>
  app.route.POST(
    new Request('http://localhost/api/webhooks/stripe', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(signature ? { 'stripe-signature': signature } : {}),
      },
      body,
    }),
  );

const sign = (payload: string) =>
  Stripe.webhooks.generateTestHeaderStringAsync({ payload, secret: SANDBOX_WEBHOOK_SECRET });

const deliver = async (event: object) => {
  const body = JSON.stringify(event);
  return post(body, await sign(body));
};

const query = async <T extends Record<string, unknown>>(statement: ReturnType<typeof sql>) =>
  (await app.db.asSystem((tx) => tx.execute<T>(statement))).rows;

const accountPlan = async (accountId: string) => {
  const [row] = await query<{ plan_id: string; billing_plan: string | null; status: string | null }>(sql`
    select a.plan_id, b.plan_id as billing_plan, b.status
    from public.accounts a left join public.account_billing b on b.account_id = a.id
    where a.id = ${accountId}`);
  return row!;
};

const eventRow = async (eventId: string) =>
  (
    await query<{ status: string; account_id: string | null }>(sql`
    select status, account_id from public.webhook_events where provider = 'stripe' and provider_event_id = ${eventId}`)
  )[0];

const syncJobs = async (eventId: string) =>
  (
    await query<{ n: number }>(sql`
    select count(*)::int as n from pgboss.job where name = 'billing.sync-subscription' and data->>'eventId' = ${eventId}`)
  )[0]!.n;

const processed = (eventId: string) =>
  waitFor(`Stripe event ${eventId} to be processed`, async () => {
    const row = await eventRow(eventId);
    return row && row.status !== 'pending' ? row : undefined;
  });

describe('POST /api/webhooks/stripe', () => {
  let accountId: string;
  const customer = `cus_${crypto.randomUUID().replaceAll('-', '').slice(0, 14)}`;
  let updatedEvent: Awaited<ReturnType<typeof recordedEvent>>;

  beforeAll(async () => {
    ({ accountId } = await app.tenants.createTenant('Stripe Webhook'));
  });

  test('a signed customer.subscription.created links the customer and puts the account on the plan', async () => {
    const { events } = await control('/__sandbox/subscriptions', {
      customer,
      plan: 'starter',
      metadata: { accountId },
      deliver_webhooks: false,
    });
    const created = recordedEvent(events, 'customer.subscription.created');
    const response = await deliver(created);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ received: true, outcome: 'accepted', eventId: created.id });
    expect(await processed(created.id)).toEqual({ status: 'processed', account_id: accountId });
    expect(await accountPlan(accountId)).toEqual({
      plan_id: 'starter',
      billing_plan: 'starter',
      status: 'active',
    });
  });

  test('a signed customer.subscription.updated moves the account to the new plan', async () => {
    const { events } = await control('/__sandbox/subscriptions', {
      customer,
      plan: 'growth',
      deliver_webhooks: false,
    });
    updatedEvent = recordedEvent(events, 'customer.subscription.updated');
    const response = await deliver(updatedEvent);
    expect(response.status).toBe(200);
    await processed(updatedEvent.id);
    expect(await accountPlan(accountId)).toEqual({
      plan_id: 'growth',
      billing_plan: 'growth',
      status: 'active',
    });
  });

  test('a tampered event is refused with 400 and changes nothing', async () => {
    const { events } = await control('/__sandbox/subscriptions', {
      customer,
      plan: 'pro',
      deliver_webhooks: false,
    });
    const event = recordedEvent(events, 'customer.subscription.updated');
    const signed = JSON.stringify(event);
    const tampered = signed.replace(/"cancel_at_period_end": ?false/, '"cancel_at_period_end":true');
    expect(tampered).not.toBe(signed);
    const response = await post(tampered, await sign(signed));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 'VALIDATION', message: 'Invalid Stripe signature' },
    });
    expect(await eventRow(event.id)).toBeUndefined();
    expect(await syncJobs(event.id)).toBe(0);
    // Stripe already says pro, but no verified event asked us to look: the account stays on growth.
    expect(await accountPlan(accountId)).toMatchObject({ plan_id: 'growth' });
  });

  test('a request without a signature, or one signed with another secret, is refused', async () => {
    const body = JSON.stringify(updatedEvent);
    expect((await post(body, null)).status).toBe(400);
    const foreign = await Stripe.webhooks.generateTestHeaderStringAsync({
      payload: body,
      secret: 'whsec_someone_else',
    });
    expect((await post(body, foreign)).status).toBe(400);
  });

  test('a replayed event id is acknowledged but stored and synced only once', async () => {
    const response = await deliver(updatedEvent);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ outcome: 'duplicate', eventId: updatedEvent.id });
    const rows = await query<{ n: number }>(sql`
      select count(*)::int as n from public.webhook_events where provider_event_id = ${updatedEvent.id}`);
    expect(rows[0]!.n).toBe(1);
    expect(await syncJobs(updatedEvent.id)).toBe(1);
  });

  test('an old event delivered late re-reads Stripe instead of trusting its stale payload', async () => {
    // invoice.paid from the very first checkout-like start (plan: starter in its payload), never
    // delivered until now; Stripe's truth is pro (set in the tampering test).
    const staleInvoice = standIn.state.events.find(
      (event) => event.type === 'invoice.paid' && JSON.stringify(event).includes(customer),
    );
    expect(staleInvoice).toBeDefined();
    expect((await deliver(staleInvoice!)).status).toBe(200);
    await processed(staleInvoice!.id);
    expect(await accountPlan(accountId)).toEqual({ plan_id: 'pro', billing_plan: 'pro', status: 'active' });
  });

  test('a cancellation at Stripe takes the plan away when the subscription ends', async () => {
    const { events } = await control('/__sandbox/subscriptions', {
      customer,
      status: 'canceled',
      deliver_webhooks: false,
    });
    const deleted = recordedEvent(events, 'customer.subscription.deleted');
    expect((await deliver(deleted)).status).toBe(200);
    await processed(deleted.id);
    expect(await accountPlan(accountId)).toEqual({
      plan_id: 'none',
      billing_plan: 'pro',
      status: 'canceled',
    });
  });

  test('event types that cannot change an entitlement are acknowledged and not stored', async () => {
    const event = {
      ...updatedEvent,
      id: `evt_${crypto.randomUUID().replaceAll('-', '')}`,
      type: 'charge.succeeded',
    };
    const response = await deliver(event);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ outcome: 'ignored' });
    expect(await eventRow(event.id)).toBeUndefined();
  });

  test('a body over 1 MiB is refused with 413 before any verification', async () => {
    const body = JSON.stringify({ ...updatedEvent, padding: 'x'.repeat(1024 * 1024) });
    const response = await post(body, await sign(body));
    expect(response.status).toBe(413);
  });
});
