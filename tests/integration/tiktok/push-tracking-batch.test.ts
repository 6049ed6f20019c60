import { sql } from 'drizzle-orm';
import { resetCircuitBreakers } from '@/lib/tiktok';
import { PermanentJobError, type JobContext } from '@/lib/queue/define-job';
import { connectTenant, control, setSimulatorClient, startHarness, waitFor, type Harness } from './harness';

/**
 * The batch path of tiktok.push-tracking against the simulator: the orders a worker fetched together go
 * to TikTok in one Batch Ship Packages call per shop, and everything off the happy path is handed back
 * to pushTrackingToTikTok, which settles it exactly as it settles a job of its own. TikTok's record of
 * pushes (the simulator's, which the pipeline benchmark times) must show each package shipped once.
 */
let h: Harness;
let accountId: string;
let demoShop: { id: string; tiktokShopId: string };
let otherShop: { id: string; tiktokShopId: string };

/** The API calls of the app's TikTok client, with the package ids of each ship call. */
const calls: { endpoint: string; packageIds: string[] }[] = [];
/** Runs before a Batch Ship Packages request leaves (to break the call as a whole). */
let beforeBatchShip: (() => Promise<void>) | undefined;

const BATCH_SHIP = 'POST /fulfillment/202309/packages/ship';
const shipCalls = () => calls.filter((call) => call.endpoint.startsWith('POST /fulfillment/'));

beforeAll(async () => {
  h = await startHarness({ simulator: { extraSellers: [{ name: 'Second Seller' }] } });
  await setSimulatorClient(h, {
    // Two attempts and no waiting, so a broken call fails fast and stays below the breaker's threshold.
    retry: { maxAttempts: 2 },
    sleep: async () => {},
    fetch: async (input, init) => {
      const url = new URL(String(input));
      const endpoint = `${init?.method ?? 'GET'} ${url.pathname}`;
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { packages?: { id: string }[] }) : {};
      const single = /^\/fulfillment\/202309\/packages\/(\w+)\/ship$/.exec(url.pathname);
      calls.push({ endpoint, packageIds: single ? [single[1]!] : (body.packages ?? []).map((item) => item.id) });
      if (endpoint === BATCH_SHIP && beforeBatchShip) await beforeBatchShip();
      return fetch(input, init);
    },
  });
  const connected = await connectTenant(h, 'Push Batch');
  accountId = connected.tenant.accountId;
  demoShop = connected.shop;
  const { code } = await control<{ code: string }>(h.sim.url, 'POST', '/__sandbox/authorize', { seller: 'Second Seller' });
  const second = await h.app.server.connectShopsWithCode({ accountId, code });
  otherShop = second.connected[0]!;
  for (const shop of [demoShop, otherShop]) await h.app.server.importShopProducts({ accountId, shopId: shop.id, full: true });
});

afterEach(async () => {
  beforeBatchShip = undefined;
  await control(h.sim.url, 'POST', '/__sandbox/faults', {});
  resetCircuitBreakers();
});

afterAll(() => h?.close());

const db = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => h.app.db.asSystem((tx) => tx.execute<T>(query)).then((r) => r.rows);

type Order = { id: string; tiktokOrderId: string; packageId: string; trackingNumber: string };
let labels = 0;

/** Orders TikTok created in `shop`, stored by our sync, each with a purchased USPS label. */
async function labelledOrders(shop: { id: string; tiktokShopId: string }, count: number): Promise<Order[]> {
  const { order_ids: ids } = await control<{ order_ids: string[] }>(h.sim.url, 'POST', '/__sandbox/orders', { count, shop_id: shop.tiktokShopId });
  await h.sim.webhooksIdle();
  await h.app.server.syncRequestedOrders({ accountId, shopId: shop.id });
  const rows = await db<{ id: string; tiktok_order_id: string; package_id: string }>(sql`select id, tiktok_order_id, package_id from public.orders where tiktok_order_id in ${ids}`);
  return Promise.all(ids.map(async (tiktokOrderId) => {
    const row = rows.find((candidate) => candidate.tiktok_order_id === tiktokOrderId)!;
    labels += 1;
    return { id: row.id, tiktokOrderId, packageId: row.package_id, trackingNumber: await buyLabel(row.id, `9400100000000000${String(labels).padStart(6, '0')}`) };
  }));
}

async function buyLabel(orderId: string, trackingNumber: string): Promise<string> {
  await db(sql`update public.shipments set status = 'voided' where order_id = ${orderId}`);
  await db(sql`insert into public.shipments (account_id, order_id, package_ref, carrier, status, provider, tracking_number, purchased_at)
    values (${accountId}, ${orderId}, ${`pkg-${trackingNumber}`}, 'shippo', 'purchased', 'USPS', ${trackingNumber}, now())`);
  return trackingNumber;
}

const jobContext = (n: number): JobContext => ({ id: `job-${n}`, retryCount: 0, signal: new AbortController().signal });
const itemsFor = (orders: Order[]) => orders.map((order, n) => ({ data: { accountId, orderId: order.id }, context: jobContext(n) }));

/** What runBatch does with the batch handler's answer: the handed-back jobs run alone, each settled on its own. */
async function runBatch(orders: Order[]) {
  const { batchHandler, handler } = h.app.jobs.push.pushTrackingJob;
  const items = itemsFor(orders);
  const handled = await batchHandler!(items);
  const oneByOne = handled?.oneByOne ?? [];
  const alone = await Promise.all(oneByOne.map((index) => handler(items[index]!.data, items[index]!.context).then(() => 'completed', (error: unknown) => error)));
  return { oneByOne, alone };
}

/** TikTok's own record: the pushes it accepted for these orders, by kind. */
const pushesOf = (orders: Order[]) => orders.map((order) => h.sim.state.trackingPushes.filter((push) => push.orderId === order.tiktokOrderId).map((push) => push.kind));

const pushedRows = (orders: Order[]) =>
  db<{ id: string; pushed: boolean; tracking_number: string | null; shipping_provider: string | null; last_error: string | null }>(
    sql`select id, tracking_pushed_at is not null as pushed, tracking_number, shipping_provider, last_error from public.orders where id in ${orders.map((order) => order.id)}`,
  ).then((rows) => orders.map((order) => rows.find((row) => row.id === order.id)!));

test('one call per shop for the batch; the pushed order is skipped; a refused one is handed back and failed like the single path', async () => {
  const [a, b, c, refused, already] = await labelledOrders(demoShop, 5) as [Order, Order, Order, Order, Order];
  const [elsewhere] = await labelledOrders(otherShop, 1) as [Order];
  expect(await h.app.server.pushTrackingToTikTok({ accountId, orderId: already.id })).toBe('pushed');
  await control(h.sim.url, 'POST', `/__sandbox/orders/${refused.tiktokOrderId}/cancel`, {});
  calls.length = 0;

  // a appears twice (a duplicate job): it is pushed once and both its jobs are settled by the batch.
  const { oneByOne, alone } = await runBatch([a, b, already, refused, elsewhere, c, a]);

  expect(oneByOne).toEqual([3]);
  expect(alone).toEqual([expect.any(PermanentJobError)]);
  expect((alone[0] as Error).message).toMatch(/cancelled/);
  const batches = shipCalls().filter((call) => call.endpoint === BATCH_SHIP).map((call) => [...call.packageIds].sort());
  expect(batches.sort()).toEqual([[a, b, refused, c].map((order) => order.packageId).sort(), [elsewhere.packageId]].sort());
  // The refused order went on alone: its own Ship Package call, as the single path makes it.
  expect(shipCalls().filter((call) => call.endpoint !== BATCH_SHIP)).toEqual([
    { endpoint: `POST /fulfillment/202309/packages/${refused.packageId}/ship`, packageIds: [refused.packageId] },
  ]);

  expect(pushesOf([a, b, c, already, elsewhere, refused])).toEqual([['ship'], ['ship'], ['ship'], ['ship'], ['ship'], []]);
  expect(await pushedRows([a, b, c, elsewhere])).toEqual([a, b, c, elsewhere].map((order) => ({
    id: order.id, pushed: true, tracking_number: order.trackingNumber, shipping_provider: 'USPS', last_error: null,
  })));
  const [refusedRow] = await pushedRows([refused]);
  expect(refusedRow).toMatchObject({ pushed: false, last_error: expect.stringContaining('cancelled') });
  for (const order of [a, elsewhere]) {
    expect((await control<{ order: { status: string } }>(h.sim.url, 'GET', `/__sandbox/orders/${order.tiktokOrderId}`)).order.status).toBe('AWAITING_COLLECTION');
  }

  // A second delivery of the pushed orders' jobs: nothing to send, nothing handed back.
  calls.length = 0;
  expect(await h.app.jobs.push.pushTrackingJob.batchHandler!(itemsFor([a, b, c, elsewhere, already]))).toEqual({ oneByOne: [] });
  expect(shipCalls()).toEqual([]);
});

test('already shipped on TikTok: handed back for the correction check, so a lost answer counts as pushed and a new label is corrected', async () => {
  const [lost, relabelled, fresh] = await labelledOrders(demoShop, 3) as [Order, Order, Order];
  for (const order of [lost, relabelled]) await h.app.server.pushTrackingToTikTok({ accountId, orderId: order.id });
  await db(sql`update public.orders set tracking_pushed_at = null where id = ${lost.id}`);
  const newNumber = await buyLabel(relabelled.id, '9400199999999999000001');

  const { oneByOne, alone } = await runBatch([lost, relabelled, fresh]);

  expect(oneByOne).toEqual([0, 1]);
  expect(alone).toEqual(['completed', 'completed']);
  expect(pushesOf([lost, relabelled, fresh])).toEqual([['ship'], ['ship', 'update'], ['ship']]);
  expect((await pushedRows([lost, relabelled, fresh])).map((row) => [row.pushed, row.tracking_number])).toEqual([
    [true, lost.trackingNumber], [true, newNumber], [true, fresh.trackingNumber],
  ]);
});

test('a batch call that fails as a whole hands every order back, and each is pushed once on its own', async () => {
  const orders = await labelledOrders(demoShop, 3);
  // Both attempts of the batch call answer 500; the single calls after it go through.
  beforeBatchShip = async () => {
    beforeBatchShip = undefined;
    await control(h.sim.url, 'POST', '/__sandbox/faults', { rate5xx: { count: 2 } });
  };
  calls.length = 0;

  const { oneByOne, alone } = await runBatch(orders);

  expect(oneByOne).toEqual([0, 1, 2]);
  expect(alone).toEqual(['completed', 'completed', 'completed']);
  expect(shipCalls().map((call) => call.endpoint)).toEqual([BATCH_SHIP, BATCH_SHIP, ...orders.map(() => expect.stringMatching(/^POST \/fulfillment\/202309\/packages\/\w+\/ship$/))]);
  expect(pushesOf(orders)).toEqual(orders.map(() => ['ship']));
  expect((await pushedRows(orders)).every((row) => row.pushed)).toBe(true);
});

test('from the queue: the fetched jobs settle in their first attempt, the refused one with the dead letters, each package shipped once', async () => {
  await db(sql`delete from pgboss.job where name = 'tiktok.push-tracking' and state in ('created', 'retry', 'active')`);
  const orders = await labelledOrders(demoShop, 4);
  const [elsewhere] = await labelledOrders(otherShop, 1) as [Order];
  const refused = orders[3]!;
  await control(h.sim.url, 'POST', `/__sandbox/orders/${refused.tiktokOrderId}/cancel`, {});
  const all = [...orders, elsewhere];
  calls.length = 0;
  // Queued before the worker starts, so its first fetch takes them together.
  await h.app.queue.enqueueMany('tiktok.push-tracking', all.map((order) => ({ data: { accountId, orderId: order.id } })));
  await h.app.runtime.startWorkers([h.app.jobs.push.pushTrackingJob]);

  const ids = all.map((order) => order.id);
  const settled = await waitFor('the push jobs to settle', async () => {
    const rows = await db<{ order_id: string; state: string; retry_count: number }>(
      sql`select data->>'orderId' as order_id, state, retry_count from pgboss.job where name = 'tiktok.push-tracking' and data->>'orderId' in ${ids}`,
    );
    return rows.length === ids.length && rows.every((row) => row.state === 'completed') ? rows : undefined;
  });
  expect(settled.map((row) => row.retry_count)).toEqual(ids.map(() => 0));
  const dead = await db<{ order_id: string }>(sql`select data->'data'->>'orderId' as order_id from pgboss.job where name = 'tiktok.push-tracking.dead' and data->'data'->>'orderId' in ${ids}`);
  expect(dead).toEqual([{ order_id: refused.id }]);
  expect(pushesOf(all)).toEqual([['ship'], ['ship'], ['ship'], [], ['ship']]);
  expect(shipCalls().some((call) => call.endpoint === BATCH_SHIP)).toBe(true);
  expect((await pushedRows(all)).map((row) => row.pushed)).toEqual([true, true, true, false, true]);
});
