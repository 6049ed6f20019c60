/**
 * The buyer emails of a batch of orders, set-based (enqueueOrderEmails, and the workflow's
 * send_shipped_email / send_delivered_email actions through applyTransitions): each order gets the
 * result it got one at a time (queued, no recipient, no items, already recorded, not found, no
 * tracking), the props come from the order, its lines and its purchased shipment by the same
 * rules, and only the queued ones have a job.
 */
import { sql } from 'drizzle-orm';
import { asSystem, closeDb } from '@/lib/db';
import { enqueueOrderEmails } from '@/lib/email';
import { applyTransitions, loadOrderSnapshots, type TransitionItem } from '@/lib/orders';
import { getReadyBoss, stopQueueRuntime } from '@/lib/queue/runtime';
import { createTenant, type TestTenant } from '@/tests/factories/tenants';
import {
  createOrder,
  createShop,
  createSku,
  purgeQueuedJobs,
  type TestSku,
} from '../pipeline/support/commerce';

let tenant: TestTenant;
let other: TestTenant;
let shopId: string;
let sku: TestSku;

const BUYER = 'buyer@example.com';

beforeAll(async () => {
  await getReadyBoss();
  tenant = await createTenant('Order Emails');
  other = await createTenant('Other Seller');
  ({ shopId } = await createShop(tenant.accountId, '  Maya Makes Candles  '));
  sku = await createSku(tenant.accountId, shopId, { onHand: 100 });
});

afterAll(async () => {
  await purgeQueuedJobs();
  await stopQueueRuntime();
  await closeDb();
});

const run = (query: ReturnType<typeof sql>) => asSystem((tx) => tx.execute(query));

const newOrder = (
  options: { buyerEmail?: string | null; workflowStatus?: 'ready_to_ship' | 'shipped' } = {},
) => createOrder(tenant.accountId, shopId, { lines: [{ sku, quantity: 2 }], ...options });

async function addShipment(
  orderId: string,
  values: { status: string; tracking: string; purchasedAt: string; provider?: string },
) {
  await run(sql`
    insert into public.shipments (account_id, order_id, package_ref, carrier, status, provider, servicelevel_name,
      tracking_number, tracking_url, purchased_at, created_at)
    values (${tenant.accountId}, ${orderId}, ${`pkg-${crypto.randomUUID()}`}, 'shippo', ${values.status}, ${values.provider ?? 'USPS'},
      'Ground Advantage', ${values.tracking}, ${`https://track.example/${values.tracking}`}, ${values.purchasedAt}::timestamptz, ${values.purchasedAt}::timestamptz)`);
}

/** The workflow applies one event to these orders together (as the engine does for a batch), in order. */
const applyEvent = (orderIds: string[], request: TransitionItem['request']) =>
  asSystem(async (tx) => {
    const snapshots = await loadOrderSnapshots(
      tx,
      orderIds.map((orderId) => ({ accountId: tenant.accountId, orderId })),
    );
    const byId = new Map(snapshots.map((snapshot) => [snapshot.order.id, snapshot]));
    return applyTransitions(
      tx,
      orderIds.map((orderId) => ({ snapshot: byId.get(orderId)!, request })),
    );
  });

type QueuedJob = { key: string; to: string; template: string; props: Record<string, unknown> };

const emailJobs = async (orderIds: string[]) =>
  (
    await asSystem((tx) =>
      tx.execute<QueuedJob>(sql`
        select data->>'idempotencyKey' as key, data->>'to' as to, data->>'template' as template, data->'props' as props
        from pgboss.job
        where name = 'email.send-email' and split_part(data->>'idempotencyKey', ':', 2) = any(${sql.param(orderIds)}::text[])
        order by 1`),
    )
  ).rows;

test('a batch of orders: each gets its own result, and only the queued ones have a job', async () => {
  const full = await newOrder();
  await run(
    sql`update public.order_items set product_name = '  Amber & Oud Soy Candle  ', created_at = now() - interval '1 minute' where order_id = ${full}`,
  );
  await run(sql`
    insert into public.order_items (account_id, order_id, tiktok_sku_id, tiktok_product_id, seller_sku, product_name, quantity, unit_price_cents)
    values (${tenant.accountId}, ${full}, 'sku-x', 'prod-x', '  ', 'Gift wrap', 1, 300)`);
  await run(sql`update public.orders set shipped_at = '2026-03-02T10:00:00Z' where id = ${full}`);
  // The newest purchased shipment counts; a newer voided one does not.
  await addShipment(full, { status: 'purchased', tracking: 'OLD1', purchasedAt: '2026-03-01T08:00:00Z' });
  await addShipment(full, { status: 'purchased', tracking: 'NEW2', purchasedAt: '2026-03-01T09:00:00Z' });
  await addShipment(full, { status: 'voided', tracking: 'VOID3', purchasedAt: '2026-03-01T10:00:00Z' });

  const orderTracking = await newOrder();
  await run(
    sql`update public.orders set tracking_number = '1Z999', shipping_provider = 'UPS', shipped_at = null where id = ${orderTracking}`,
  );
  const noBuyer = await newOrder({ buyerEmail: null });
  const noItems = await newOrder();
  await run(sql`delete from public.order_items where order_id = ${noItems}`);
  const recorded = await newOrder();
  await addShipment(recorded, { status: 'purchased', tracking: 'REC1', purchasedAt: '2026-03-01T09:00:00Z' });
  await run(sql`
    insert into public.email_outbox (account_id, template, category, to_addresses, subject, idempotency_key, status)
    values (${tenant.accountId}, 'order-shipped', 'order_updates', ${sql.param([BUYER])}::text[], 'x', ${`order-shipped:${recorded}`}, 'sent')`);
  const noTracking = await newOrder();

  const results = await asSystem((tx) =>
    enqueueOrderEmails(tx, [
      { template: 'order-shipped', accountId: tenant.accountId, orderId: full },
      {
        template: 'order-shipped',
        accountId: tenant.accountId,
        orderId: orderTracking,
        estimatedDelivery: '2026-03-05',
      },
      { template: 'order-shipped', accountId: tenant.accountId, orderId: noBuyer, trackingNumber: 'T1' },
      { template: 'order-shipped', accountId: tenant.accountId, orderId: noItems, trackingNumber: 'T2' },
      { template: 'order-shipped', accountId: tenant.accountId, orderId: recorded },
      { template: 'order-shipped', accountId: tenant.accountId, orderId: noTracking },
      { template: 'order-shipped', accountId: other.accountId, orderId: full },
      {
        template: 'order-delivered',
        accountId: tenant.accountId,
        orderId: full,
        deliveredAt: new Date('2026-03-04T15:30:00Z'),
      },
    ]),
  );

  expect(results.slice(0, 5)).toEqual([
    { enqueued: true, idempotencyKey: `order-shipped:${full}` },
    { enqueued: true, idempotencyKey: `order-shipped:${orderTracking}` },
    { enqueued: false, idempotencyKey: `order-shipped:${noBuyer}`, reason: 'no_recipient' },
    { enqueued: false, idempotencyKey: `order-shipped:${noItems}`, reason: 'no_items' },
    { enqueued: false, idempotencyKey: `order-shipped:${recorded}`, reason: 'already_recorded' },
  ]);
  expect(results[5]).toMatchObject({
    code: 'VALIDATION',
    message: expect.stringMatching(/has no tracking number yet/),
  });
  expect(results[6]).toMatchObject({ code: 'NOT_FOUND' });
  expect(results[7]).toMatchObject({ enqueued: true, idempotencyKey: `order-delivered:${full}` });

  const jobs = await emailJobs([full, orderTracking, noBuyer, noItems, recorded, noTracking]);
  expect(jobs.map((job) => job.key).sort()).toEqual(
    [`order-delivered:${full}`, `order-shipped:${full}`, `order-shipped:${orderTracking}`].sort(),
  );
  const byKey = new Map(jobs.map((job) => [job.key, job]));
  const fullOrderNumber = (await run(sql`select tiktok_order_id from public.orders where id = ${full}`))
    .rows[0]!.tiktok_order_id;
  expect(byKey.get(`order-shipped:${full}`)).toEqual({
    key: `order-shipped:${full}`,
    to: BUYER,
    template: 'order-shipped',
    props: {
      shopName: 'Maya Makes Candles',
      orderNumber: fullOrderNumber,
      items: [
        { name: 'Amber & Oud Soy Candle', sku: sku.sellerSku, quantity: 2, unitPriceCents: 1999 },
        { name: 'Gift wrap', quantity: 1, unitPriceCents: 300 },
      ],
      currency: 'USD',
      subtotalCents: 1999,
      shippingCents: 0,
      totalCents: 1999,
      trackingNumber: 'NEW2',
      carrier: 'USPS',
      trackingUrl: 'https://track.example/NEW2',
      serviceLevel: 'Ground Advantage',
      shippedAt: '2026-03-02T10:00:00.000Z',
    },
  });
  expect(byKey.get(`order-shipped:${orderTracking}`)!.props).toMatchObject({
    trackingNumber: '1Z999',
    carrier: 'UPS',
    trackingUrl: 'https://www.ups.com/track?tracknum=1Z999',
    estimatedDelivery: '2026-03-05',
  });
  expect(byKey.get(`order-shipped:${orderTracking}`)!.props).not.toHaveProperty('serviceLevel');
  expect(byKey.get(`order-delivered:${full}`)!.props).toMatchObject({
    trackingNumber: 'NEW2',
    carrier: 'USPS',
    deliveredAt: '2026-03-04T15:30:00.000Z',
  });
});

test("a shipped order without a date takes its purchased shipment's", async () => {
  const orderId = await newOrder();
  await run(sql`update public.orders set shipped_at = null where id = ${orderId}`);
  await addShipment(orderId, {
    status: 'purchased',
    tracking: 'P1',
    purchasedAt: '2026-03-01T08:15:30.123456Z',
  });
  await asSystem((tx) =>
    enqueueOrderEmails(tx, [{ template: 'order-shipped', accountId: tenant.accountId, orderId }]),
  );
  const [job] = await emailJobs([orderId]);
  expect(job!.props.shippedAt).toBe('2026-03-01T08:15:30.123Z');
});

test('the workflow ships a batch of orders: one email job each where there is someone to tell', async () => {
  const withEmail = [
    await newOrder({ workflowStatus: 'ready_to_ship' }),
    await newOrder({ workflowStatus: 'ready_to_ship' }),
  ];
  const withoutEmail = await newOrder({ workflowStatus: 'ready_to_ship', buyerEmail: null });
  const alreadyRecorded = await newOrder({ workflowStatus: 'ready_to_ship' });
  const noTracking = await newOrder({ workflowStatus: 'ready_to_ship' });
  for (const orderId of [...withEmail, withoutEmail, alreadyRecorded]) {
    await addShipment(orderId, {
      status: 'purchased',
      tracking: `T-${orderId.slice(0, 8)}`,
      purchasedAt: '2026-03-01T08:00:00Z',
    });
  }
  await run(sql`
    insert into public.email_outbox (account_id, template, category, to_addresses, subject, idempotency_key, status)
    values (${tenant.accountId}, 'order-shipped', 'order_updates', ${sql.param([BUYER])}::text[], 'x', ${`order-shipped:${alreadyRecorded}`}, 'sent')`);
  const ids = [...withEmail, withoutEmail, alreadyRecorded, noTracking];
  await run(
    sql`update public.orders set order_status = 'IN_TRANSIT' where id = any(${sql.param(ids)}::uuid[])`,
  );

  const results = await applyEvent(ids, { event: 'ship', source: 'tiktok_shop', reason: 'in transit' });
  expect(
    results.map((result) => (result.kind === 'applied' ? result.details.emailQueued : result.kind)),
  ).toEqual([true, true, false, false, false]);
  expect((await emailJobs(ids)).map((job) => job.key).sort()).toEqual(
    withEmail.map((id) => `order-shipped:${id}`).sort(),
  );

  await run(
    sql`update public.orders set order_status = 'DELIVERED' where id = any(${sql.param(ids)}::uuid[])`,
  );
  const delivered = await applyEvent(withEmail, {
    event: 'deliver',
    source: 'tiktok_shop',
    reason: 'delivered',
    now: new Date('2026-03-04T12:00:00Z'),
  });
  expect(delivered.map((result) => result.kind === 'applied' && result.details.emailQueued)).toEqual([
    true,
    true,
  ]);
  const deliveredJobs = (await emailJobs(withEmail)).filter((job) => job.template === 'order-delivered');
  expect(deliveredJobs.map((job) => job.props.deliveredAt)).toEqual([
    '2026-03-04T12:00:00.000Z',
    '2026-03-04T12:00:00.000Z',
  ]);
});

test('a person who marks orders shipped may ask for no email', async () => {
  const orderId = await newOrder({ workflowStatus: 'ready_to_ship' });
  await addShipment(orderId, { status: 'purchased', tracking: 'M1', purchasedAt: '2026-03-01T08:00:00Z' });
  const [result] = await applyEvent([orderId], {
    event: 'mark_shipped',
    source: 'user',
    reason: 'by hand',
    notifyCustomer: false,
    syncToTiktok: false,
  });
  expect(result).toMatchObject({ kind: 'applied' });
  expect(result!.kind === 'applied' && 'emailQueued' in result!.details).toBe(false);
  expect(await emailJobs([orderId])).toEqual([]);
});
