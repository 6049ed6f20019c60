import { spawn, type ChildProcess } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { asSystem, closeDb } from '@/lib/db';
import { reconcilePipeline } from '@/lib/orders';
import { startWorkers } from '@/lib/queue/runtime';
import { configureShipping } from '@/lib/shipping';
import { scheduleStrandedOrderSync } from '@/lib/tiktok/sync/request-order-sync';
import { catalogImported, ordersByTikTokId, placeOrders, purchasesPerPackage, startPipeline, type Pipeline } from './support/pipeline-harness';
import { waitFor } from './support/serve-routes';

/**
 * Faults on every outside edge, and the pipeline still ships every order with exactly one label
 * per package: a worker process killed with SIGKILL mid-purchase, the carrier answering 500 after
 * it committed a purchase, and a storm of TikTok 429s while tracking is pushed.
 */
// Each scenario waits up to 90 s for every order to ship; give Jest room beyond that bound.
jest.setTimeout(150_000);

let pipeline: Pipeline;
let child: ChildProcess | undefined;

/** The simulator's SKU with the most stock, so no order waits on a backorder here. */
const deepSku = () => {
  const skus = [...pipeline.sim.state.products.values()].filter((p) => p.status === 'ACTIVATE').flatMap((p) => p.skus);
  const stockOf = (sku: (typeof skus)[number]) => [...sku.inventory.values()].reduce((sum, quantity) => sum + quantity, 0);
  return skus.sort((a, b) => stockOf(b) - stockOf(a))[0]!.id;
};

async function allShipped(tiktokOrderIds: string[], onPoll?: () => Promise<unknown>) {
  return waitFor(async () => {
    await onPoll?.();
    const orders = await ordersByTikTokId(pipeline, tiktokOrderIds);
    return orders.length === tiktokOrderIds.length && orders.every((order) => order.workflowStatus === 'shipped') ? orders : null;
  }, `${tiktokOrderIds.length} orders to ship`, 90_000);
}

beforeAll(async () => {
  pipeline = await startPipeline();
});

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await pipeline?.close();
  await closeDb();
});

test('a worker killed with SIGKILL while buying labels: a fresh worker finishes, one purchase per package', async () => {
  child = spawn('bun', ['--preload', './scripts/lib/server-runtime.ts', 'tests/integration/pipeline/support/pipeline-worker.ts'], {
    cwd: process.cwd(), env: { ...process.env, ...pipeline.childEnv, WORKER_CARRIER_TIMEOUT_MS: '3000' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitFor(async () => output.includes('READY'), 'the worker process to start');
  await catalogImported(pipeline);

  // Slow purchases, so some are in flight at the carrier when the worker dies.
  pipeline.carrier.faults.set({ rules: [{ api: 'shippo', method: 'POST', path: '/transactions', latencyMs: 1_500, rate: 1, retryAfterSec: 1 }], webhooks: { duplicateRate: 0, dropRate: 0, outOfOrder: false }, seed: 3 });
  const ids = await placeOrders(pipeline, { count: 16, sku_id: deepSku(), quantity: 1 });
  // Killed only once purchase calls have reached the carrier (they sit in its 1.5 s latency, and it
  // commits them after the worker is gone): those are the outcomes the replacement must find by lookup.
  const inFlight = await waitFor(async () => {
    if (pipeline.carrier.faults.fired() < 2) return null;
    const open = await asSystem((tx) => tx.execute<{ n: number }>(sql`
      select count(*)::int as n from public.label_purchase_attempts a join public.shipments s on s.id = a.shipment_id
      where s.account_id = ${pipeline.tenant.accountId} and a.state = 'purchasing'`));
    return open.rows[0]!.n >= 2 ? open.rows[0]!.n : null;
  }, 'purchases in flight at the carrier');
  child.kill('SIGKILL');
  await new Promise((resolve) => child!.once('exit', resolve));
  expect(inFlight).toBeGreaterThanOrEqual(2);
  pipeline.carrier.faults.clear();

  // The replacement: this process's workers, the every-minute reconciler and the shop's catch-up poll
  // (here both every 2 s). A detail fetch the dead worker had claimed comes back when its lease runs out.
  configureShipping({ ...pipeline.shipping, unknownOutcomeGraceMs: 1_000 });
  await startWorkers();
  let lastReconcile = 0;
  const reconcile = async () => {
    if (Date.now() - lastReconcile < 2_000) return;
    lastReconcile = Date.now();
    await reconcilePipeline({ staleAfterMs: 0 });
    await scheduleStrandedOrderSync({ accountId: pipeline.tenant.accountId, shopId: pipeline.shop.id }, 0);
  };
  const orders = await allShipped(ids, reconcile);
  expect(await purchasesPerPackage(pipeline, orders.map((order) => order.id))).toEqual(orders.map(() => 1));
  const byLookup = await asSystem((tx) => tx.execute<{ n: number }>(sql`
    select count(*)::int as n from public.label_purchase_attempts a join public.shipments s on s.id = a.shipment_id
    where s.account_id = ${pipeline.tenant.accountId} and a.state = 'purchased' and a.outcome->>'via' = 'lookup'`));
  expect(byLookup.rows[0]!.n).toBeGreaterThanOrEqual(1);
});

test('the carrier answers 500 after committing purchases: resolved by lookup, never bought twice', async () => {
  pipeline.carrier.faults.set({ rules: [{ api: 'shippo', method: 'POST', path: '/transactions', afterCommit: 500, rate: 0.5, retryAfterSec: 1 }], webhooks: { duplicateRate: 0, dropRate: 0, outOfOrder: false }, seed: 11 });
  const ids = await placeOrders(pipeline, { count: 10, sku_id: deepSku(), quantity: 1 });
  const orders = await allShipped(ids);
  pipeline.carrier.faults.clear();
  expect(await purchasesPerPackage(pipeline, orders.map((order) => order.id))).toEqual(orders.map(() => 1));
  const unknown = await asSystem((tx) => tx.execute<{ n: number }>(sql`
    select count(*)::int as n from public.label_purchase_attempts a join public.shipments s on s.id = a.shipment_id
    where s.order_id in ${orders.map((order) => order.id)} and a.error like '%500%'`));
  expect(unknown.rows[0]!.n).toBeGreaterThanOrEqual(1);
});

test('a storm of TikTok 429s while tracking is pushed: every order ships, each package pushed once', async () => {
  const ids = await placeOrders(pipeline, { count: 10, sku_id: deepSku(), quantity: 1 });
  await waitFor(async () => (await ordersByTikTokId(pipeline, ids)).length === ids.length, 'the orders to be ingested');
  await fetch(`${pipeline.sim.url}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rate429: 0.5 }) });
  try {
    await allShipped(ids);
  } finally {
    await fetch(`${pipeline.sim.url}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  }
  const pushes = pipeline.sim.state.trackingPushes.filter((push) => ids.includes(push.orderId));
  expect(pushes.filter((push) => push.kind === 'ship').map((push) => push.orderId).sort()).toEqual([...ids].sort());
  expect(pushes.filter((push) => push.kind !== 'ship')).toEqual([]);
});
