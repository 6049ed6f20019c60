import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TikTokClientConfig } from '@/lib/tiktok';
import { createTikTokShopSimulator, type TikTokShopSimulator, type TikTokShopSimulatorOptions } from '@/sandbox/tiktok-shop';

// The TikTok integration under test, in one process: the simulator on a free port delivering its
// webhooks to the REAL route handler (through a tiny HTTP shim), and the app's modules imported only
// after lib/env has been pointed at that simulator (lib/env is read once per test file).

export type App = {
  server: typeof import('@/lib/tiktok/server');
  route: typeof import('@/app/api/webhooks/tiktok/route');
  db: typeof import('@/lib/db');
  runtime: typeof import('@/lib/queue/runtime');
  queue: typeof import('@/lib/queue');
  ingest: typeof import('@/lib/orders/ingest');
  tenants: typeof import('@/tests/factories/tenants');
  jobs: {
    process: typeof import('@/lib/tiktok/jobs/process-webhook.job');
    sync: typeof import('@/lib/tiktok/jobs/sync-orders.job');
    reconcile: typeof import('@/lib/tiktok/jobs/reconcile-orders.job');
    products: typeof import('@/lib/tiktok/jobs/import-products.job');
    flush: typeof import('@/lib/tiktok/jobs/flush-inventory.job');
    push: typeof import('@/lib/tiktok/jobs/push-tracking.job');
  };
};

export interface Harness {
  sim: TikTokShopSimulator;
  app: App;
  /** Every webhook the route answered, with its status. */
  deliveries: { status: number }[];
  close(): Promise<void>;
}

export async function startHarness(options: { simulator?: TikTokShopSimulatorOptions; env?: Record<string, string> } = {}): Promise<Harness> {
  const deliveries: { status: number }[] = [];
  const holder: { app?: App } = {};
  const shim: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = new Request(`http://localhost${req.url}`, {
        method: 'POST',
        headers: Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as [string, string]] : [])),
        body: Buffer.concat(chunks),
      });
      void holder.app!.route.POST(request).then(
        (response) => {
          deliveries.push({ status: response.status });
          res.writeHead(response.status).end();
        },
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => shim.listen(0, '127.0.0.1', resolve));
  const webhookUrl = `http://127.0.0.1:${(shim.address() as AddressInfo).port}/api/webhooks/tiktok`;
  const sim = await createTikTokShopSimulator({
    webhookUrl,
    onHoldMs: 0,
    webhookRetryScheduleMs: [300, 600],
    ...options.simulator,
  });
  const restore = setEnv({
    TIKTOK_API_BASE_URL: sim.url,
    TIKTOK_AUTH_BASE_URL: sim.url,
    TIKTOK_AUTHORIZE_URL: `${sim.url}/oauth/authorize`,
    ...options.env,
  });
  const app: App = {
    server: await import('@/lib/tiktok/server'),
    route: await import('@/app/api/webhooks/tiktok/route'),
    db: await import('@/lib/db'),
    runtime: await import('@/lib/queue/runtime'),
    queue: await import('@/lib/queue'),
    ingest: await import('@/lib/orders/ingest'),
    tenants: await import('@/tests/factories/tenants'),
    jobs: {
      process: await import('@/lib/tiktok/jobs/process-webhook.job'),
      sync: await import('@/lib/tiktok/jobs/sync-orders.job'),
      reconcile: await import('@/lib/tiktok/jobs/reconcile-orders.job'),
      products: await import('@/lib/tiktok/jobs/import-products.job'),
      flush: await import('@/lib/tiktok/jobs/flush-inventory.job'),
      push: await import('@/lib/tiktok/jobs/push-tracking.job'),
    },
  };
  holder.app = app;
  await app.runtime.getReadyBoss();
  return {
    sim,
    app,
    deliveries,
    async close() {
      await sim.close();
      await app.runtime.stopQueueRuntime();
      await app.db.closeDb();
      shim.closeAllConnections();
      await new Promise<void>((resolve) => shim.close(() => resolve()));
      restore();
    },
  };
}

/** The simulator's order as its API renders it (GET /__sandbox/orders/{id}), the fields tests compare. */
export interface SimOrderView {
  status: string;
  buyer_email: string;
  delivery_option_id: string;
  rts_sla_time: number;
  tracking_number: string;
  shipping_provider: string;
  payment: Record<string, string>;
  packages: { id: string }[];
  recipient_address: { name: string; address_line1: string; postal_code: string; district_info: { address_name: string }[] };
  line_items: { id: string; sku_id: string }[];
}

export async function control<T = Record<string, unknown>>(simUrl: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${simUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as T;
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** Bounded polling for something asynchronous (workers, webhook deliveries); not a timing assertion. */
export async function waitFor<T>(
  description: string,
  check: () => Promise<T | undefined | false | null>,
  { attempts = 300, intervalMs = 100 } = {},
): Promise<T> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const value = await check();
    if (value !== undefined && value !== false && value !== null) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`gave up waiting for ${description}`);
}

export function setEnv(values: Record<string, string>): () => void {
  const previous = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  Object.assign(process.env, values);
  return () => {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}

/**
 * A fresh tenant connected to the simulator's demo seller through the real code exchange. Shop ids are
 * the simulator's fixed ones, so rows another test file left in this worker's database are removed first.
 */
export async function connectTenant(h: Harness, name: string, seller?: string) {
  const { sql } = await import('drizzle-orm');
  const shopIds = h.sim.state.shops ? [...h.sim.state.shops.keys()] : [];
  await h.app.db.asSystem(async (tx) => {
    await tx.execute(sql`delete from public.tiktok_shops where shop_id in ${shopIds}`);
    // Events another file left pending for these shops would otherwise be processed for this tenant.
    await tx.execute(sql`delete from public.webhook_events where provider = 'tiktok' and external_ref in ${shopIds}`);
  });
  const tenant = await h.app.tenants.createTenant(name);
  const { code } = await control<{ code: string }>(h.sim.url, 'POST', '/__sandbox/authorize', seller ? { seller } : {});
  const result = await h.app.server.connectShopsWithCode({ accountId: tenant.accountId, code });
  const shop = result.connected[0];
  if (!shop) throw new Error(`nothing connected: ${JSON.stringify(result)}`);
  return { tenant, shop, ref: { accountId: tenant.accountId, shopId: shop.id }, result };
}

/**
 * Points the app's TikTok client at the simulator with the local app's credentials (lib/env's
 * defaults); `config` adds to them or replaces them (a fetch that records or delays calls, a retry
 * policy).
 */
export async function setSimulatorClient(h: Harness, config: Partial<TikTokClientConfig> = {}): Promise<void> {
  const { createTikTokClient } = await import('@/lib/tiktok');
  h.app.server.setTikTokClient(createTikTokClient({
    appKey: 'cf_local_app_key', appSecret: 'cf_local_app_secret', apiBaseUrl: h.sim.url, authBaseUrl: h.sim.url, ...config,
  }));
}
