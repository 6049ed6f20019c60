import { sql } from 'drizzle-orm';
import { POST as easyPostRoute } from '@/app/api/webhooks/easypost/route';
import { POST as shippoRoute } from '@/app/api/webhooks/shippo/route';
import { asSystem, closeDb, tables } from '@/lib/db';
import { advanceOrder } from '@/lib/orders';
import { advanceOrderJob } from '@/lib/orders/jobs/advance-order.job';
import { startWorkers, stopQueueRuntime } from '@/lib/queue/runtime';
import { buyLabel, closeShipmentLocks, configureShipping, getShippingConfig, type ShippingConfig } from '@/lib/shipping';
import { signEasyPostWebhook, signShippoWebhook } from '@/lib/shipping/carriers';
import { processTrackingJob } from '@/lib/shipping/jobs/process-tracking.job';
import type { SandboxCarrier } from '@/sandbox/carrier';
import { createTenant, type TestTenant } from '@/tests/factories/tenants';
import { createOrder, createShop, createSku, historyOf, orderRow, queuedJobs, type TestSku, purgeQueuedJobs } from '../pipeline/support/commerce';
import { serveRoutes, waitFor } from '../pipeline/support/serve-routes';
import { startCarrier } from './support/sandbox';

let tenant: TestTenant;
let shopId: string;
let sku: TestSku;
let carrier: SandboxCarrier;
let config: ShippingConfig;
let routes: Awaited<ReturnType<typeof serveRoutes>>;

beforeAll(async () => {
  routes = await serveRoutes({ '/api/webhooks/shippo': shippoRoute, '/api/webhooks/easypost': easyPostRoute });
  const token = getShippingConfig().shippo.webhookToken;
  ({ carrier, config } = await startCarrier({
    shippoWebhookUrl: `${routes.url}/api/webhooks/shippo?token=${token}`,
    easypostWebhookUrl: `${routes.url}/api/webhooks/easypost`,
    easypostWebhookSecret: getShippingConfig().easypost.webhookSecret,
    webhookRetryDelayMs: 10,
  }));
  tenant = await createTenant('Tracking');
  ({ shopId } = await createShop(tenant.accountId));
  sku = await createSku(tenant.accountId, shopId, { onHand: 100 });
  await purgeQueuedJobs(); // jobs other test files left in this database are not ours to run
  await startWorkers([processTrackingJob, advanceOrderJob]);
});

afterAll(async () => {
  configureShipping(undefined);
  await stopQueueRuntime();
  await purgeQueuedJobs();
  await closeShipmentLocks();
  await carrier.close();
  await routes.close();
  await closeDb();
});

const shippoUrl = (token?: string) => `http://app.test/api/webhooks/shippo${token === undefined ? '' : `?token=${token}`}`;
const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  new Request(url, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
const trackBody = (number: string, statusId: string) =>
  JSON.stringify({
    event: 'track_updated', test: true,
    data: { carrier: 'usps', tracking_number: number, tracking_status: { object_id: statusId, status: 'TRANSIT', status_date: '2026-11-23T12:00:00Z' }, tracking_history: [] },
  });

describe('POST /api/webhooks/shippo', () => {
  test('refuses a missing or wrong URL token, a malformed body and an oversized one', async () => {
    const body = trackBody('SBX-UNKNOWN-1', 'st_1');
    expect((await shippoRoute(post(shippoUrl(), body))).status).toBe(401);
    expect((await shippoRoute(post(shippoUrl('wrong'), body))).status).toBe(401);
    expect((await shippoRoute(post(shippoUrl(config.shippo.webhookToken), '{"event":'))).status).toBe(400);
    expect((await shippoRoute(post(shippoUrl(config.shippo.webhookToken), 'x'.repeat(300 * 1024)))).status).toBe(413);
  });

  test('acknowledges events it does not act on without storing them', async () => {
    const response = await shippoRoute(post(shippoUrl(config.shippo.webhookToken), JSON.stringify({ event: 'batch_created', data: 'batch 1 created' })));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ignored: 'batch_created' });
  });

  test('stores a scan once however often it is delivered, with its processing job', async () => {
    const body = trackBody('SBX-DEDUPE-1', 'st_dedupe_1');
    const first = await shippoRoute(post(shippoUrl(config.shippo.webhookToken), body));
    const second = await shippoRoute(post(shippoUrl(config.shippo.webhookToken), body));
    expect([await first.json(), await second.json()]).toEqual([{ received: true, duplicate: false }, { received: true, duplicate: true }]);
    const rows = await asSystem((tx) => tx.select().from(tables.webhookEvents).where(sql`external_ref = 'SBX-DEDUPE-1'`));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ provider: 'shippo', eventType: 'track_updated', accountId: null });
  });

  test('with an HMAC secret configured, the Shippo-Auth-Signature header is required and checked', async () => {
    configureShipping({ ...config, shippo: { ...config.shippo, webhookHmacSecret: 'whsec_test_123' } });
    try {
      const body = trackBody('SBX-HMAC-1', 'st_hmac_1');
      const url = shippoUrl(config.shippo.webhookToken);
      expect((await shippoRoute(post(url, body))).status).toBe(401);
      const now = Math.floor(Date.now() / 1000);
      expect((await shippoRoute(post(url, body, { 'Shippo-Auth-Signature': signShippoWebhook('other', body, now) }))).status).toBe(401);
      expect((await shippoRoute(post(url, body, { 'Shippo-Auth-Signature': signShippoWebhook('whsec_test_123', body, now) }))).status).toBe(200);
    } finally {
      configureShipping(config);
    }
  });
});

describe('POST /api/webhooks/easypost', () => {
  const event = JSON.stringify({ id: 'evt_hmac_1', object: 'Event', description: 'tracker.updated', result: { id: 'trk_1', object: 'Tracker', tracking_code: 'EZ-HMAC-1', status: 'in_transit', tracking_details: [] } });

  test('checks X-Hmac-Signature over the raw body with the NFKD-normalised secret', async () => {
    // Configured in composed form (é as one code point); EasyPost signs with the NFKD bytes.
    configureShipping({ ...config, easypost: { ...config.easypost, webhookSecret: 'sécret'.normalize('NFC') } });
    try {
      const url = 'http://app.test/api/webhooks/easypost';
      expect((await easyPostRoute(post(url, event))).status).toBe(401);
      expect((await easyPostRoute(post(url, event, { 'X-Hmac-Signature': signEasyPostWebhook('secret', event) }))).status).toBe(401);
      // Spaces re-serialised: the signature covers the bytes as sent, not the JSON meaning.
      expect((await easyPostRoute(post(url, ` ${event}`, { 'X-Hmac-Signature': signEasyPostWebhook('sécret', event) }))).status).toBe(401);
      expect(signEasyPostWebhook('sécret', event)).toBe(signEasyPostWebhook('sécret'.normalize('NFD'), event));
      const ok = await easyPostRoute(post(url, event, { 'X-Hmac-Signature': signEasyPostWebhook('sécret', event) }));
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ received: true, duplicate: false });
    } finally {
      configureShipping(config);
    }
  });
});

describe('tracking from the carrier to a completed order', () => {
  async function shippedOrder(carrierName: 'shippo' | 'easypost') {
    configureShipping({ ...config, carrier: carrierName });
    const orderId = await createOrder(tenant.accountId, shopId, { lines: [{ sku, quantity: 1 }] });
    await advanceOrder({ accountId: tenant.accountId, orderId });
    expect(await buyLabel({ accountId: tenant.accountId, orderId })).toBe('purchased');
    configureShipping(config);
    return orderId;
  }

  const completed = (orderId: string) => waitFor(async () => (await orderRow(orderId)).workflowStatus === 'completed', `order ${orderId} completed`);

  test('Shippo scans, duplicated and out of order: applied once each, never backwards, order shipped then completed', async () => {
    const orderId = await shippedOrder('shippo');
    carrier.faults.set({ rules: [], webhooks: { duplicateRate: 1, dropRate: 0, outOfOrder: true }, seed: 7 });
    carrier.advanceClock(10 * 86_400);
    await completed(orderId);
    await carrier.webhooks.idle();
    carrier.faults.clear();
    // Delivered completes the order, but a duplicate or late scan may still wait for its job.
    const [shipment] = await asSystem((tx) => tx.select().from(tables.shipments).where(sql`order_id = ${orderId}`));
    await waitFor(async () => {
      const pending = await asSystem((tx) => tx.execute<{ n: number }>(sql`
        select count(*)::int as n from public.webhook_events where provider = 'shippo' and external_ref = ${shipment!.trackingNumber} and status = 'pending'`));
      return pending.rows[0]!.n === 0;
    }, `every scan of ${shipment!.trackingNumber} processed`);

    expect(shipment).toMatchObject({ trackingStatus: 'delivered', trackingStatusRank: 4 });
    const events = await asSystem((tx) => tx.execute<{ status: string }>(sql`select status from public.tracking_events where shipment_id = ${shipment!.id} order by occurred_at`));
    expect(events.rows.map((row) => row.status)).toEqual(['label_created', 'in_transit', 'in_transit', 'out_for_delivery', 'delivered']);

    const order = await orderRow(orderId);
    expect(order.deliveredAt).not.toBeNull();
    const history = await historyOf(orderId);
    expect(history.filter((row) => row.toWorkflowStatus !== row.fromWorkflowStatus).slice(-2).map((row) => [row.toWorkflowStatus, row.source])).toEqual([
      ['shipped', 'carrier'],
      ['completed', 'carrier'],
    ]);
    expect(await queuedJobs('email.send-email', { idempotencyKey: `order-shipped:${orderId}` })).toHaveLength(1);
    expect(await queuedJobs('email.send-email', { idempotencyKey: `order-delivered:${orderId}` })).toHaveLength(1);
    const inventory = await asSystem((tx) => tx.execute<{ kind: string }>(sql`select kind from public.inventory_movements where order_id = ${orderId} order by created_at`));
    expect(inventory.rows.map((row) => row.kind)).toEqual(['reserve', 'ship']);
  });

  test('EasyPost tracker events take an EasyPost label to delivered the same way', async () => {
    const orderId = await shippedOrder('easypost');
    carrier.advanceClock(10 * 86_400);
    await completed(orderId);
    const stored = await asSystem((tx) => tx.execute<{ n: number }>(sql`
      select count(*)::int as n from public.webhook_events where provider = 'easypost' and account_id = ${tenant.accountId} and status = 'processed'`));
    expect(stored.rows[0]!.n).toBeGreaterThan(0);
  });
});
