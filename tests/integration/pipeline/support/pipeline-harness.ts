import { sql } from 'drizzle-orm';
import { POST as easyPostRoute } from '@/app/api/webhooks/easypost/route';
import { POST as shippoRoute } from '@/app/api/webhooks/shippo/route';
import { POST as tiktokRoute } from '@/app/api/webhooks/tiktok/route';
import { asSystem, tables } from '@/lib/db';
import { env } from '@/lib/env';
import { stopQueueRuntime } from '@/lib/queue/runtime';
import { closeShipmentLocks, configureShipping, shippingConfigFromEnv, type ShippingConfig } from '@/lib/shipping';
import { createTikTokClient } from '@/lib/tiktok';
import { connectShopsWithCode, setTikTokClient } from '@/lib/tiktok/server';
import { createSandboxCarrier, type SandboxCarrier, type SandboxCarrierOptions } from '@/sandbox/carrier';
import { createTikTokShopSimulator, type TikTokShopSimulator, type TikTokShopSimulatorOptions } from '@/sandbox/tiktok-shop';
import { createTenant, type TestTenant } from '@/tests/factories/tenants';
import { purgeQueuedJobs } from './commerce';
import { serveRoutes, waitFor } from './serve-routes';

/**
 * The whole fulfillment pipeline in one process, as `bun run dev` wires it: the TikTok Shop
 * simulator and the sandbox carrier deliver signed webhooks over HTTP to the app's real route
 * handlers; the app's TikTok client and carrier gateway point at the simulators; a tenant has
 * connected the simulator's demo shop through the real authorization-code exchange, and its
 * catalogue and stock have been imported. Queue workers are started by the test (all or some).
 */
export type Pipeline = {
  sim: TikTokShopSimulator;
  carrier: SandboxCarrier;
  shipping: ShippingConfig;
  tenant: TestTenant;
  /** Our tiktok_shops.id and TikTok's shop id. */
  shop: { id: string; tiktokShopId: string };
  appUrl: string;
  /** Environment a child worker process needs to reach the same database and simulators. */
  childEnv: Record<string, string>;
  close(): Promise<void>;
};

export async function startPipeline(
  options: { simulator?: TikTokShopSimulatorOptions; carrier?: SandboxCarrierOptions; shipping?: Partial<ShippingConfig> } = {},
): Promise<Pipeline> {
  const routes = await serveRoutes({ '/api/webhooks/tiktok': tiktokRoute, '/api/webhooks/shippo': shippoRoute, '/api/webhooks/easypost': easyPostRoute });
  const sim = await createTikTokShopSimulator({
    webhookUrl: `${routes.url}/api/webhooks/tiktok`, onHoldMs: 0, webhookRetryScheduleMs: [200, 500, 1000], appKey: env.TIKTOK_APP_KEY,
    appSecret: env.TIKTOK_APP_SECRET, ...options.simulator,
  });
  setTikTokClient(createTikTokClient({
    appKey: env.TIKTOK_APP_KEY, appSecret: env.TIKTOK_APP_SECRET, apiBaseUrl: sim.url, authBaseUrl: sim.url,
    retry: { maxAttempts: 5, baseDelayMs: 20, maxDelayMs: 200 },
  }));
  const base = shippingConfigFromEnv(env);
  const carrier = await createSandboxCarrier({
    shippoWebhookUrl: `${routes.url}/api/webhooks/shippo?token=${base.shippo.webhookToken}`,
    easypostWebhookUrl: `${routes.url}/api/webhooks/easypost`, easypostWebhookSecret: base.easypost.webhookSecret,
    webhookRetryDelayMs: 20, ...options.carrier,
  });
  const shipping: ShippingConfig = {
    ...base, shippo: { ...base.shippo, serverURL: carrier.url }, easypost: { ...base.easypost, baseUrl: `${carrier.url}/v2/` },
    requestTimeoutMs: 5_000, ...options.shipping,
  };
  configureShipping(shipping);

  await purgeQueuedJobs();
  // The simulator's shop ids are fixed; another test file in this database may have connected them.
  const simShopIds = [...sim.state.shops.keys()];
  await asSystem((tx) => tx.execute(sql`delete from public.tiktok_shops where shop_id in ${simShopIds}`));
  const tenant = await createTenant('Pipeline');
  const authorize = await fetch(`${sim.url}/__sandbox/authorize`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  const { code } = (await authorize.json()) as { code: string };
  const connected = await connectShopsWithCode({ accountId: tenant.accountId, code });
  const shop = connected.connected[0];
  if (!shop) throw new Error(`the demo shop did not connect: ${JSON.stringify(connected)}`);

  return {
    sim, carrier, shipping, tenant, shop: { id: shop.id, tiktokShopId: shop.tiktokShopId }, appUrl: routes.url,
    childEnv: {
      DATABASE_URL: env.DATABASE_URL, QUEUE_SCHEMA: env.QUEUE_SCHEMA, TIKTOK_API_BASE_URL: sim.url, TIKTOK_AUTH_BASE_URL: sim.url,
      SHIPPO_BASE_URL: carrier.url, EASYPOST_BASE_URL: `${carrier.url}/v2/`, LOG_LEVEL: 'warn',
    },
    async close() {
      configureShipping(undefined);
      setTikTokClient(undefined);
      await stopQueueRuntime();
      await closeShipmentLocks();
      await purgeQueuedJobs();
      await sim.close();
      await carrier.close();
      await routes.close();
    },
  };
}

/** Waits until the shop's catalogue and stock are imported (the import job must be running somewhere). */
export async function catalogImported(pipeline: Pipeline): Promise<void> {
  await waitFor(async () => {
    const stock = await asSystem((tx) =>
      tx.execute<{ n: number }>(sql`select count(*)::int as n from public.inventory_levels l join public.skus s on s.id = l.sku_id where s.shop_id = ${pipeline.shop.id} and l.on_hand > 0`),
    );
    return stock.rows[0]!.n > 0;
  }, 'the catalogue import');
}

/** Creates paid orders in the simulator (it sends their webhooks); returns TikTok's order ids. */
export async function placeOrders(pipeline: Pipeline, body: { count: number; sku_id?: string; quantity?: number }): Promise<string[]> {
  const response = await fetch(`${pipeline.sim.url}/__sandbox/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`simulator refused the orders: ${response.status} ${await response.text()}`);
  const json = (await response.json()) as { order_ids?: string[]; orders?: { id: string }[] };
  return json.order_ids ?? json.orders?.map((order) => order.id) ?? [];
}

export async function ordersByTikTokId(pipeline: Pipeline, tiktokOrderIds: readonly string[]) {
  if (tiktokOrderIds.length === 0) return [];
  return asSystem((tx) =>
    tx.select().from(tables.orders).where(sql`account_id = ${pipeline.tenant.accountId} and tiktok_order_id in ${tiktokOrderIds}`),
  );
}

/** Our package references of these orders and the sandbox's purchase count for each. */
export async function purchasesPerPackage(pipeline: Pipeline, orderIds: readonly string[]): Promise<number[]> {
  const shipments = await asSystem((tx) => tx.select({ ref: tables.shipments.packageRef }).from(tables.shipments).where(sql`order_id in ${orderIds}`));
  const response = await fetch(`${pipeline.carrier.url}/__sandbox/purchases`);
  const { purchases } = (await response.json()) as { purchases: { reference: string }[] };
  return shipments.map((shipment) => purchases.filter((purchase) => purchase.reference === shipment.ref).length);
}
