import { sql } from 'drizzle-orm';
import {
  buildPlanCatalog,
  createPostgresBillingStore,
  getLabelAllowance,
  type SubscriptionState,
} from '@/lib/billing';
import { asSystem, closeDb } from '@/lib/db';
import { sendEmailJob } from '@/lib/email/jobs/send-email.job';
import { getReadyBoss, startWorkers, stopQueueRuntime } from '@/lib/queue/runtime';
import { createTenant, type TestTenant } from '@/tests/factories/tenants';
import { insertOrders, insertShop, waitFor } from './fixtures';

/**
 * Plan limits never lose data: an account past its monthly order allowance keeps storing every
 * order, while getLabelAllowance (asked by the pipeline before an automatic label) says paused,
 * raises one plan_limit alert and queues exactly one plan-limit-reached email for the period.
 */
const plans = buildPlanCatalog();
const billing = { billingEnabled: true, plans };
const DAY = 24 * 3600 * 1000;

let tenant: TestTenant;
let shopId: string;

const subscriptionOn = (planId: 'starter' | 'growth', customerId: string): SubscriptionState => ({
  customerId,
  subscriptionId: `sub_${planId}`,
  status: 'active',
  planId,
  priceId: `price_cf_${planId}_monthly`,
  currentPeriodStart: new Date(Date.now() - 10 * DAY),
  currentPeriodEnd: new Date(Date.now() + 20 * DAY),
  cancelAtPeriodEnd: false,
  entitled: true,
});

const allowance = () => asSystem((tx) => getLabelAllowance(tx, tenant.accountId, billing));

const count = async (statement: ReturnType<typeof sql>) =>
  (await asSystem((tx) => tx.execute<{ n: number }>(statement))).rows[0]!.n;

const planLimitJobs = () =>
  count(sql`select count(*)::int as n from pgboss.job
    where name = 'email.send-email' and data->>'accountId' = ${tenant.accountId} and data->>'template' = 'plan-limit-reached'`);
const openPlanLimitAlerts = () =>
  count(sql`select count(*)::int as n from public.alerts
    where account_id = ${tenant.accountId} and kind = 'plan_limit' and resolved_at is null`);
const storedOrders = () =>
  count(sql`select count(*)::int as n from public.orders where account_id = ${tenant.accountId}`);

beforeAll(async () => {
  await getReadyBoss(); // the queue's schema, so jobs can be counted before any is sent
  tenant = await createTenant('Over Limit');
  const customerId = `cus_${crypto.randomUUID().replaceAll('-', '').slice(0, 14)}`;
  shopId = await asSystem(async (tx) => {
    const store = createPostgresBillingStore(tx);
    await store.linkCustomer({ accountId: tenant.accountId, customerId });
    await store.saveSubscriptionState({
      accountId: tenant.accountId,
      state: subscriptionOn('starter', customerId),
    });
    return insertShop(tx, tenant.accountId);
  });
});

afterAll(async () => {
  await stopQueueRuntime();
  await closeDb();
});

test('up to the allowance (300 on Starter) labels stay automatic and nobody is told anything', async () => {
  await asSystem((tx) => insertOrders(tx, { accountId: tenant.accountId, shopId, count: 300 }));
  expect(await allowance()).toMatchObject({
    labelsPaused: false,
    reason: 'within_allowance',
    planId: 'starter',
    used: 300,
    allowance: 300,
  });
  expect(await openPlanLimitAlerts()).toBe(0);
  expect(await planLimitJobs()).toBe(0);
});

test('past it, orders keep ingesting, labels pause, one alert and one email are raised', async () => {
  await asSystem((tx) => insertOrders(tx, { accountId: tenant.accountId, shopId, count: 1 }));
  expect(await allowance()).toMatchObject({
    labelsPaused: true,
    reason: 'over_allowance',
    used: 301,
    allowance: 300,
  });

  // A burst: more orders arrive and many pipeline jobs ask at once.
  await asSystem((tx) => insertOrders(tx, { accountId: tenant.accountId, shopId, count: 25 }));
  const answers = await Promise.all(Array.from({ length: 8 }, () => allowance()));
  expect(answers.every((answer) => answer.labelsPaused && answer.used === 326)).toBe(true);

  expect(await storedOrders()).toBe(326);
  expect(await openPlanLimitAlerts()).toBe(1);
  expect(await planLimitJobs()).toBe(1);
});

test('the queued email is delivered once, to the owner, about the Starter plan', async () => {
  await startWorkers([sendEmailJob]);
  const email = await waitFor('the plan-limit email in the outbox', async () => {
    const rows = await asSystem((tx) =>
      tx.execute<{
        to_addresses: string[];
        subject: string;
        status: string;
        provider: string;
        text: string;
      }>(sql`
        select to_addresses, subject, status, provider, text from public.email_outbox
        where account_id = ${tenant.accountId} and template = 'plan-limit-reached'`),
    );
    return rows.rows.length > 0 && rows.rows.every((row) => row.status === 'sent') ? rows.rows : undefined;
  });
  expect(email).toHaveLength(1);
  expect(email[0]).toMatchObject({
    to_addresses: [tenant.email.toLowerCase()],
    status: 'sent',
    provider: 'outbox',
  });
  expect(email[0]!.subject).toContain('300 orders on the Starter plan');
  expect(email[0]!.text).toContain('http://localhost:3000/settings/billing');
});

test('an upgrade resumes automatic labels and closes the alert', async () => {
  const [row] = (
    await asSystem((tx) =>
      tx.execute<{ customer: string }>(
        sql`select stripe_customer_id as customer from public.account_billing where account_id = ${tenant.accountId}`,
      ),
    )
  ).rows;
  await asSystem((tx) =>
    createPostgresBillingStore(tx).saveSubscriptionState({
      accountId: tenant.accountId,
      state: subscriptionOn('growth', row!.customer),
    }),
  );
  expect(await allowance()).toMatchObject({
    labelsPaused: false,
    planId: 'growth',
    used: 326,
    allowance: 2000,
  });
  expect(await openPlanLimitAlerts()).toBe(0);
  expect(await planLimitJobs()).toBe(1);
});

test('without Stripe configured every account is on the local plan', async () => {
  const local = await asSystem((tx) =>
    getLabelAllowance(tx, tenant.accountId, { billingEnabled: false, plans }),
  );
  expect(local).toMatchObject({ labelsPaused: false, planId: 'local', allowance: 100_000 });
});

test('with Stripe configured, an account that never subscribed has automatic labels paused but no limit email', async () => {
  const other = await createTenant('Never Subscribed');
  const otherShop = await asSystem((tx) => insertShop(tx, other.accountId));
  await asSystem((tx) => insertOrders(tx, { accountId: other.accountId, shopId: otherShop, count: 3 }));
  const answer = await asSystem((tx) => getLabelAllowance(tx, other.accountId, billing));
  expect(answer).toMatchObject({
    labelsPaused: true,
    reason: 'no_plan',
    planId: 'none',
    used: 3,
    allowance: null,
  });
  expect(
    await count(sql`select count(*)::int as n from public.alerts where account_id = ${other.accountId}`),
  ).toBe(0);
});
