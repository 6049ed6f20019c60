import { sql } from 'drizzle-orm';
import { asSystem, closeDb } from '@/lib/db';
import { enqueueOrderShippedEmail, sendQueuedEmail } from '@/lib/email';
import { sendEmailJob } from '@/lib/email/jobs/send-email.job';
import { getReadyBoss, startWorkers, stopQueueRuntime } from '@/lib/queue/runtime';
import { createTenant, type TestTenant } from '@/tests/factories/tenants';
import { insertOrders, insertShop, waitFor } from '../billing/fixtures';

/**
 * "A shipped order produces exactly one order-shipped email in the outbox, even when the job runs
 * twice": enqueued twice (two jobs), drained by the real worker, then run again by hand.
 * No RESEND_API_KEY in tests, so the outbox row is the delivery.
 */
const BUYER = 'v8xk2q9@scs.tiktokw.us'; // TikTok's anonymised relay address, as on real orders

let tenant: TestTenant;
let orderId: string;

const outboxRows = async () =>
  (
    await asSystem((tx) =>
      tx.execute<{
        id: string;
        status: string;
        provider: string | null;
        to_addresses: string[];
        subject: string;
        html: string;
        text: string;
      }>(sql`
        select id, status, provider, to_addresses, subject, html, text from public.email_outbox
        where account_id = ${tenant.accountId} and template = 'order-shipped'`),
    )
  ).rows;

beforeAll(async () => {
  await getReadyBoss();
  tenant = await createTenant('Shipper');
  orderId = await asSystem(async (tx) => {
    const shopId = await insertShop(tx, tenant.accountId, 'Maya Makes Candles');
    const [id] = await insertOrders(tx, { accountId: tenant.accountId, shopId, count: 1, buyerEmail: BUYER });
    await tx.execute(sql`
      insert into public.order_items (account_id, order_id, tiktok_sku_id, tiktok_product_id, seller_sku, product_name, quantity, unit_price_cents)
      values (${tenant.accountId}, ${id}, 'sku-1', 'prod-1', 'CNDL-AMB-08', 'Amber & Oud Soy Candle, 8 oz', 2, 2400)`);
    await tx.execute(sql`
      insert into public.shipments (account_id, order_id, package_ref, carrier, status, provider, servicelevel_name,
        tracking_number, tracking_url, purchased_at)
      values (${tenant.accountId}, ${id}, ${`pkg-${id}`}, 'shippo', 'purchased', 'USPS', 'Ground Advantage',
        '9400111899223344556677', 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223344556677', now())`);
    await tx.execute(
      sql`update public.orders set workflow_status = 'shipped', shipped_at = now() where id = ${id}`,
    );
    return id!;
  });
});

afterAll(async () => {
  await stopQueueRuntime();
  await closeDb();
});

test('enqueued twice and drained by the worker: one email, to the buyer relay address', async () => {
  const first = await asSystem((tx) =>
    enqueueOrderShippedEmail(tx, { accountId: tenant.accountId, orderId }),
  );
  const second = await asSystem((tx) =>
    enqueueOrderShippedEmail(tx, { accountId: tenant.accountId, orderId }),
  );
  expect(first).toMatchObject({ enqueued: true, idempotencyKey: `order-shipped:${orderId}` });
  expect(second).toMatchObject({ enqueued: true }); // the first has not run yet: both jobs exist

  await startWorkers([sendEmailJob]);
  await waitFor('both send jobs to finish', async () => {
    const jobs = await asSystem((tx) =>
      tx.execute<{ state: string }>(sql`
        select state from pgboss.job where name = 'email.send-email' and data->>'idempotencyKey' = ${`order-shipped:${orderId}`}`),
    );
    return jobs.rows.length === 2 && jobs.rows.every((job) => job.state === 'completed');
  });

  const rows = await outboxRows();
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ status: 'sent', provider: 'outbox', to_addresses: [BUYER] });
  expect(rows[0]!.subject).toMatch(/^Your order #o-.+ from Maya Makes Candles has shipped$/);
  expect(rows[0]!.text).toContain('9400111899223344556677');
  expect(rows[0]!.text).toContain('USPS Ground Advantage');
  expect(rows[0]!.html).toContain(
    'href="https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223344556677"',
  );
});

test('running the job body again is a no-op, and a third enqueue is not even queued', async () => {
  const payload = {
    accountId: tenant.accountId,
    template: 'order-shipped' as const,
    to: BUYER,
    props: {
      shopName: 'Maya Makes Candles',
      orderNumber: '1',
      items: [{ name: 'X', quantity: 1 }],
      currency: 'USD',
      carrier: 'USPS',
      trackingNumber: '1',
      trackingUrl: 'https://example.com/t',
      shippedAt: '2025-11-24T16:42:00Z',
    },
    idempotencyKey: `order-shipped:${orderId}`,
  };
  await expect(sendQueuedEmail(payload)).resolves.toMatchObject({
    outcome: 'already_handled',
    status: 'sent',
  });
  await expect(
    asSystem((tx) => enqueueOrderShippedEmail(tx, { accountId: tenant.accountId, orderId })),
  ).resolves.toMatchObject({ enqueued: false, reason: 'already_recorded' });
  expect(await outboxRows()).toHaveLength(1);
});

test("another account's order is not found, and an order without a buyer address gets no email", async () => {
  const other = await createTenant('Other Shipper');
  await expect(
    asSystem((tx) => enqueueOrderShippedEmail(tx, { accountId: other.accountId, orderId })),
  ).rejects.toMatchObject({ code: 'NOT_FOUND' });

  const silent = await asSystem(async (tx) => {
    const shopId = await insertShop(tx, tenant.accountId, 'No Email Shop');
    const [id] = await insertOrders(tx, { accountId: tenant.accountId, shopId, count: 1, buyerEmail: null });
    return enqueueOrderShippedEmail(tx, {
      accountId: tenant.accountId,
      orderId: id!,
      trackingNumber: 'TRK1',
    });
  });
  expect(silent).toMatchObject({ enqueued: false, reason: 'no_recipient' });
});

test('a new email job wakes no worker (its queue polls every second), while pipeline jobs do', async () => {
  const { rows } = await asSystem((tx) =>
    tx.execute<{ name: string; notify: boolean }>(sql`
      select name, notify from pgboss.queue where name in ('email.send-email', 'orders.advance-order', 'shipping.buy-label') order by name`),
  );
  expect(rows).toEqual([
    { name: 'email.send-email', notify: false },
    { name: 'orders.advance-order', notify: true },
    { name: 'shipping.buy-label', notify: true },
  ]);
});
