import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import {
  createStripeStandIn,
  SANDBOX_SECRET_KEY,
  SANDBOX_WEBHOOK_SECRET,
  type StripeStandIn,
} from '@/sandbox/stripe';
import { setEnv, waitFor } from './fixtures';

/**
 * Upgrade as an owner does it: Checkout link from our API function, the hosted Checkout page
 * "pays", Stripe (the stand-in) delivers its webhooks over HTTP to the real route handler, the
 * sync job re-reads the subscription, and the billing page data shows the plan and its invoice.
 * Prices are not configured by id here: they are found by lookup key.
 */
let standIn: StripeStandIn;
let bridge: Server;
let restoreEnv: () => void;
let app: {
  route: typeof import('@/app/api/webhooks/stripe/route');
  billing: typeof import('@/lib/billing');
  db: typeof import('@/lib/db');
  runtime: typeof import('@/lib/queue/runtime');
  job: typeof import('@/lib/billing/jobs/sync-subscription.job');
  tenants: typeof import('@/tests/factories/tenants');
};

/** An HTTP endpoint for the stand-in's deliveries that hands each request to the route handler. */
async function startBridge(): Promise<string> {
  bridge = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers))
        if (typeof value === 'string') headers.set(name, value);
      const answer = await app.route.POST(
        new Request(`http://localhost${request.url}`, {
          method: 'POST',
          headers,
          body: Buffer.concat(chunks),
        }),
      );
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
    });
  });
  await new Promise<void>((resolve) => bridge.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(bridge.address() as AddressInfo).port}/api/webhooks/stripe`;
}

beforeAll(async () => {
  standIn = await createStripeStandIn({ port: 0, webhookUrl: await startBridge() });
  restoreEnv = setEnv({
    STRIPE_SECRET_KEY: SANDBOX_SECRET_KEY,
    STRIPE_WEBHOOK_SECRET: SANDBOX_WEBHOOK_SECRET,
    STRIPE_API_BASE_URL: standIn.url,
  });
  app = {
    route: await import('@/app/api/webhooks/stripe/route'),
    billing: await import('@/lib/billing'),
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
  bridge?.closeAllConnections();
  await new Promise((resolve) => bridge?.close(resolve));
  restoreEnv?.();
});

test('Checkout → webhooks → sync: the owner ends up on the plan they paid for, with an invoice', async () => {
  const tenant = await app.tenants.createTenant('Checkout Flow');
  const context = { accountId: tenant.accountId, claims: tenant.claims, role: 'owner' as const };
  const config = app.billing.getBillingConfig();
  expect(config.enabled).toBe(true);

  const before = await app.billing.getBillingOverview(context, config);
  expect(before.usage.reason).toBe('no_plan'); // billing on, nothing bought yet
  expect(before.usage.evaluation.labelsPaused).toBe(true);

  const checkout = await app.billing.startCheckout(context, { plan: 'growth' }, config);
  expect(checkout.url.startsWith(standIn.url)).toBe(true);
  const paid = await fetch(checkout.url, { redirect: 'manual' });
  expect(paid.status).toBe(303);
  expect(paid.headers.get('location')).toContain('/settings/billing?checkout=success');
  expect(standIn.state.deliveries.every((delivery) => delivery.status === 200)).toBe(true);

  await waitFor('the account to be on growth', async () => {
    const result = await app.db.asSystem((tx) =>
      tx.execute<{ plan_id: string }>(
        sql`select plan_id from public.accounts where id = ${tenant.accountId}`,
      ),
    );
    return result.rows[0]?.plan_id === 'growth';
  });

  const after = await app.billing.getBillingOverview(context, config);
  expect(after.usage.plan?.id).toBe('growth');
  expect(after.usage.reason).toBe('within_allowance');
  expect(after.usage.subscription?.customerId).toMatch(/^cus_/);
  expect(after.invoices?.length).toBeGreaterThanOrEqual(1);
  expect(after.invoices?.[0]).toMatchObject({ status: 'paid', totalCents: 7_900 });

  // Paying already: plan changes go through the portal, a second Checkout is refused.
  await expect(app.billing.startCheckout(context, { plan: 'pro' }, config)).rejects.toMatchObject({
    code: 'CONFLICT',
  });
  const portal = await app.billing.openBillingPortal(context, config);
  expect(portal.url.startsWith(standIn.url)).toBe(true);
});

test('the portal needs a Stripe customer first', async () => {
  const tenant = await app.tenants.createTenant('No Customer');
  await expect(
    app.billing.openBillingPortal(
      { accountId: tenant.accountId, claims: tenant.claims },
      app.billing.getBillingConfig(),
    ),
  ).rejects.toMatchObject({ code: 'CONFLICT' });
});
