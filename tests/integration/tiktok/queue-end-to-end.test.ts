import { sql } from 'drizzle-orm';
import { connectTenant, control, startHarness, waitFor, type Harness } from './harness';

/**
 * The same path as production, with pg-boss workers running in-process: the simulator's webhooks reach
 * the route (which records what to fetch) and the debounced tiktok.sync-orders runs on the queue; the
 * connect flow's own jobs (catalog import, then the first order sync) run too. The workflow's jobs are
 * not started here: this is ingestion's half of the pipeline.
 */
let h: Harness;
let accountId: string;
let shopRowId: string;

beforeAll(async () => {
  h = await startHarness();
  ({ tenant: { accountId }, shop: { id: shopRowId } } = await connectTenant(h, 'Queue E2E'));
  const { jobs } = h.app;
  await h.app.runtime.startWorkers([
    jobs.process.processWebhookJob,
    jobs.sync.syncOrdersJob,
    jobs.reconcile.reconcileOrdersJob,
    jobs.products.importProductsJob,
    jobs.flush.flushInventoryJob,
  ]);
});

afterAll(() => h?.close());

const db = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => h.app.db.asSystem((tx) => tx.execute<T>(query)).then((r) => r.rows);
const countOrders = async (ids: string[]) =>
  (await db<{ n: number }>(sql`select count(*)::int as n from public.orders where shop_id = ${shopRowId} and tiktok_order_id in ${ids} and recipient is not null`))[0]!.n;

test('connecting queues the catalog import, which then runs the first order sync', async () => {
  const products = await waitFor('the catalog import', async () => {
    const [row] = await db<{ n: number }>(sql`select count(*)::int as n from public.products where shop_id = ${shopRowId}`);
    return row!.n > 0 ? row!.n : undefined;
  });
  const tiktokShopId = (await db<{ shop_id: string }>(sql`select shop_id from public.tiktok_shops where id = ${shopRowId}`))[0]!.shop_id;
  expect(products).toBe([...h.sim.state.products.values()].filter((p) => p.shopId === tiktokShopId).length);
  await waitFor('the first order sync', async () => {
    const [row] = await db<{ synced: string | null }>(sql`select last_synced_at as synced from public.tiktok_shops where id = ${shopRowId}`);
    return row!.synced ?? undefined;
  });
});

test('20 simulator orders arrive through webhooks and the queue, with addresses', async () => {
  const { order_ids } = await control<{ order_ids: string[] }>(h.sim.url, 'POST', '/__sandbox/orders', { count: 20 });
  await waitFor('20 orders', async () => (await countOrders(order_ids)) === 20);
  await waitFor('every webhook settled', async () => {
    const [row] = await db<{ pending: number }>(
      sql`select count(*)::int as pending from public.webhook_events e where e.provider = 'tiktok' and e.status <> 'processed' and e.payload->'data'->>'order_id' in ${order_ids}`,
    );
    return row!.pending === 0;
  });
  expect(h.deliveries.filter((delivery) => delivery.status !== 200)).toEqual([]);
});

test('with every webhook dropped, a reconciliation run on the queue still brings the orders in', async () => {
  await control(h.sim.url, 'POST', '/__sandbox/faults', { dropWebhooks: 1 });
  const { order_ids } = await control<{ order_ids: string[] }>(h.sim.url, 'POST', '/__sandbox/orders', { count: 20 });
  await h.sim.webhooksIdle();
  await control(h.sim.url, 'POST', '/__sandbox/faults', {});
  expect(await countOrders(order_ids)).toBe(0);
  // What the shop's schedule enqueues every TIKTOK_RECONCILE_INTERVAL_SECONDS.
  await h.app.queue.enqueue('tiktok.reconcile-orders', { accountId, shopId: shopRowId, mode: 'incremental' });
  await waitFor('20 reconciled orders', async () => (await countOrders(order_ids)) === 20);
});
