// bun run bench:pipeline — the fulfillment pipeline end to end, through the real webhook path.
//
// Boots an embedded Postgres (its own data dir and port), the TikTok Shop simulator and the sandbox
// carrier with zero latency, the app's webhook route handlers on a local HTTP server and every queue
// worker in this process (as `bun run dev` runs them inside Next.js). A tenant connects the
// simulator's shop through the real code exchange; the simulator then creates N paid orders and
// delivers their signed webhooks. Each order is timed from the first webhook our route receives for
// it to the moment TikTok accepts its tracking number (Ship Package answered code 0): that is
// ingestion → validation → stock reservation → rate shopping → label purchase → tracking push.
//
//   bun run bench:pipeline                       1,000 orders in one burst (throughput)
//   bun run bench:pipeline --orders 10000        10,000 in one burst
//   bun run bench:pipeline --orders 3000 --rate 50   3,000 paced at 50 orders/s (latency)
//
// Prints orders/s (N / first webhook → last tracking push) and p50 / p95 / max per-order latency,
// the CPU each order cost (the machine's, Postgres's and this process's with its JIT compiler's share,
// from /proc), plus a Markdown row for BENCHMARKS.md. Flags: --orders N, --rate R (0 = burst),
// --timeout S, --warmup N (N orders through the whole pipeline first, not measured: a long-running
// server is past its JIT warm-up),
// --analyze (with --warmup: ANALYZE after the warm-up, so the burst runs on statistics that know no
// order in flight, as autovacuum leaves them for a quiet shop before a viral one),
// --worker-processes N (the queue workers run in N `bun run worker` processes instead of this one,
// as a deployment adds worker processes; this process keeps the webhook route and the simulators),
// --profile (per queue and per statement: where the time went; pipeline-profile.ts), --stages (when
// the orders passed each stage: which one the burst queued in; pipeline-stages.ts).
// BENCH_PG_SETTINGS=name=value,… passes more settings to the benchmark's Postgres (experiments); BENCH_PG_LOG=file
// appends its server log there (with auto_explain among those settings, the plans of slow statements).
import '../lib/server-runtime';
import { execSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../lib/embedded-postgres';
import { cpuSample, cpuUsed } from './cpu-usage';
import { printProfile } from './pipeline-profile';
import { printStages } from './pipeline-stages';
import { spawnWorkers } from './pipeline-workers';

type Flags = { orders: number; rate: number; timeoutSeconds: number; profile: boolean; stages: boolean; analyze: boolean; workerProcesses: number; warmup: number };

function parseFlags(argv: string[]): Flags {
  const value = (name: string, fallback: number) => {
    const index = argv.indexOf(`--${name}`);
    const parsed = index >= 0 ? Number(argv[index + 1]) : fallback;
    if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`--${name} must be a non-negative number`);
    return parsed;
  };
  const flags = {
    orders: value('orders', 1000), rate: value('rate', 0), timeoutSeconds: value('timeout', 900), profile: argv.includes('--profile'),
    stages: argv.includes('--stages'), analyze: argv.includes('--analyze'),
    workerProcesses: value('worker-processes', 0), warmup: value('warmup', 0),
  };
  if (flags.analyze && flags.warmup === 0) throw new Error('--analyze needs --warmup N (statistics of orders that went through)');
  if (flags.orders < 1 || flags.orders + flags.warmup > 20_000) throw new Error('--orders (plus --warmup) must be between 1 and 20000 (the simulator limit)');
  return flags;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const flags = parseFlags(process.argv.slice(2));
const pgPort = await freePort();
const dataDir = path.join('.data', `bench-pipeline-${process.pid}`);
const pgLog = process.env.BENCH_PG_LOG;
const database = await startEmbeddedPostgres({ dataDir, port: pgPort, persistent: false,
  log: pgLog ? (line) => appendFileSync(pgLog, `${line}\n`) : undefined,
  settings: { ...(flags.profile ? { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all', 'pg_stat_statements.track_planning': 'on' } : {}),
    ...Object.fromEntries((process.env.BENCH_PG_SETTINGS ?? '').split(',').filter(Boolean).map((kv) => kv.split('='))) } });
const databaseUrl = database.url;

// Configuration of this benchmark process, read by lib/env.ts at its first import below: the
// database, a pool sized for the worker concurrency, quiet logs, TikTok client limits lifted to
// match a simulator that has none (qpsLimit below), and production mode as `next start` and the
// Docker image run (React's development build renders the emails several times slower).
Object.assign(process.env, {
  NODE_ENV: process.env.NODE_ENV ?? 'production',
  DATABASE_URL: databaseUrl,
  DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? '40',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
  TIKTOK_RATE_LIMIT_PER_SECOND: '1000000',
  TIKTOK_RATE_LIMIT_PER_MINUTE: '100000000',
});

const { migrate } = await import('@/lib/db/migrate');
await migrate(databaseUrl);
if (flags.profile) await superuserQuery('create extension if not exists pg_stat_statements');
const bench = await boot();

try {
  if (flags.warmup > 0) {
    // Warm-up: a first burst through the whole pipeline, not measured (JIT, caches, prepared statements, pool).
    process.stdout.write(`warm-up: ${flags.warmup} orders`);
    await bench.placeOrders(flags.warmup, { measured: false });
    const warmupDeadline = Date.now() + flags.timeoutSeconds * 1000;
    while (bench.pushedCount({ measured: false }) < flags.warmup && Date.now() < warmupDeadline) await sleep(200);
    // …and what follows the push (TikTok's status change, shipped, emails), so the burst starts on an idle server.
    await bench.drained({ measured: false }, warmupDeadline);
    console.log(' done');
    if (flags.analyze) await superuserQuery('analyze');
  }
  const cpuBefore = cpuSample(dataDir);
  const started = Date.now();
  if (flags.rate > 0) {
    // Paced: small batches at `rate` orders per second (every 100 ms, or one order per tick below 10/s).
    const perTick = Math.max(1, Math.round(flags.rate / 10));
    const tickMs = (1000 * perTick) / flags.rate;
    for (let placed = 0; placed < flags.orders; placed += perTick) {
      const due = started + (placed / perTick) * tickMs;
      await sleep(Math.max(0, due - Date.now()));
      await bench.placeOrders(Math.min(perTick, flags.orders - placed));
    }
  } else {
    await bench.placeOrders(flags.orders);
  }
  const deadline = started + flags.timeoutSeconds * 1000;
  while (bench.pushedCount() < flags.orders && Date.now() < deadline) await sleep(200);
  const cpu = cpuUsed(cpuBefore, cpuSample(dataDir));
  // The work after the push (the ship transition on TikTok's status change, the shipped emails) may
  // lag behind it; the run is over when nothing is left to do, and the CPU per order counts it all.
  const drainedAt = await bench.drained({ measured: true }, deadline);
  const cpuDrained = cpuUsed(cpuBefore, cpuSample(dataDir));

  const result = { ...bench.results(), ...(await bench.purchases()) };
  const latencies = result.latenciesMs.sort((a, b) => a - b);
  const seconds = (result.lastPushAt - result.firstWebhookAt) / 1000;
  const throughput = latencies.length / seconds;
  const machine = `${os.cpus().length} cores (nproc ${execSync('nproc').toString().trim()}), ${os.cpus()[0]?.model ?? 'cpu'}, node ${execSync('node --version').toString().trim()}, bun ${process.versions.bun ?? '?'}`;
  console.log('');
  console.log(`orders                : ${flags.orders} (${flags.rate > 0 ? `paced at ${flags.rate}/s` : 'one burst'})`);
  console.log(`tracking pushed       : ${latencies.length}${latencies.length < flags.orders ? ' (INCOMPLETE: timed out)' : ''}`);
  console.log(`labels bought         : ${result.purchases} (duplicates: ${result.duplicatePurchases})${flags.warmup > 0 ? ', warm-up included' : ''}`);
  console.log(`first webhook → last push: ${seconds.toFixed(1)} s  →  ${throughput.toFixed(1)} orders/s`);
  console.log(`latency p50 / p95 / max: ${(percentile(latencies, 50) / 1000).toFixed(2)} s / ${(percentile(latencies, 95) / 1000).toFixed(2)} s / ${((latencies.at(-1) ?? NaN) / 1000).toFixed(2)} s`);
  console.log(`machine               : ${machine}`);
  console.log(`queue workers         : ${flags.workerProcesses > 0 ? `${flags.workerProcesses} worker process(es)` : 'in this process'}`);
  if (flags.analyze) console.log('statistics            : ANALYZE after the warm-up');
  if (flags.warmup > 0) console.log(`warm-up               : ${flags.warmup} orders before the measured ones`);
  const drainedSeconds = (drainedAt - result.firstWebhookAt) / 1000;
  console.log(`first webhook → drained : ${drainedSeconds.toFixed(1)} s  →  ${(flags.orders / drainedSeconds).toFixed(1)} orders/s (every order shipped, its emails sent, no job due)`);
  const cpuLine = (label: string, used: NonNullable<typeof cpu>) => {
    const perOrder = (ms: number) => `${(ms / flags.orders).toFixed(1)} ms`;
    console.log(`${label}: ${perOrder(used.machineMs)} on the machine: Postgres ${perOrder(used.postgresMs)}, this process ${perOrder(used.benchMs)} (app, simulators${flags.workerProcesses > 0 ? '' : ', queue workers'}; its JIT compiler ${perOrder(used.jitMs)}), other ${perOrder(used.machineMs - used.postgresMs - used.benchMs)}${flags.workerProcesses > 0 ? ' (the worker processes, the OS)' : ' (the OS)'}; machine ${used.busyPercent.toFixed(0)} % busy`);
  };
  if (cpu) cpuLine('CPU per order to last push', cpu);
  if (cpuDrained) cpuLine('CPU per order, drained ', cpuDrained);
  console.log('');
  console.log(`| ${flags.orders} | ${flags.rate > 0 ? `${flags.rate}/s` : 'burst'} | ${throughput.toFixed(0)} | ${(percentile(latencies, 50) / 1000).toFixed(2)} s | ${(percentile(latencies, 95) / 1000).toFixed(2)} s | ${result.purchases} / ${result.duplicatePurchases} |`);
  if (flags.stages) {
    console.log('');
    await printStages(...bench.stageClocks());
  }
  if (flags.profile) {
    console.log('');
    await printProfile(flags.orders + flags.warmup);
  }
  if (latencies.length < flags.orders || result.duplicatePurchases > 0) process.exitCode = 1;
} finally {
  await bench.close();
  await database.stop();
}
// pg-boss keeps timers that would outlive the database; the run is over.
process.exit();

/**
 * The stack under test, in this process. App modules are imported only here, after the environment
 * above is set (lib/env reads it once).
 */
async function boot() {
  const { sql } = await import('drizzle-orm');
  const { env } = await import('@/lib/env');
  const { anyOf, asSystem, closeDb } = await import('@/lib/db');
  const { startWorkers, stopQueueRuntime } = await import('@/lib/queue/runtime');
  const { closeShipmentLocks, configureShipping, shippingConfigFromEnv } = await import('@/lib/shipping');
  const { createTikTokClient } = await import('@/lib/tiktok');
  const { connectShopsWithCode, setTikTokClient } = await import('@/lib/tiktok/server');
  const { POST: tiktokRoute } = await import('@/app/api/webhooks/tiktok/route');
  const { createTikTokShopSimulator } = await import('@/sandbox/tiktok-shop');
  const { createSandboxCarrier } = await import('@/sandbox/carrier');
  const { createAccountForUser } = await import('@/lib/accounts/create-account-for-user');
  const { tables } = await import('@/lib/db');

  // Per order: when our route first heard of it (TikTok's acceptance of its tracking number is in
  // the simulator's own record, sim.state.trackingPushes).
  const firstWebhook = new Map<string, number>();

  const routes = createServer((message, response) => {
    const chunks: Buffer[] = [];
    message.on('data', (chunk: Buffer) => chunks.push(chunk));
    message.on('end', () => {
      const body = Buffer.concat(chunks);
      const at = Date.now();
      try {
        const orderId = (JSON.parse(body.toString('utf8')) as { data?: { order_id?: string } }).data?.order_id;
        if (orderId && !firstWebhook.has(orderId)) firstWebhook.set(orderId, at);
      } catch {
        // not JSON: the route answers 400
      }
      const headers = Object.entries(message.headers).flatMap(([key, value]) => (typeof value === 'string' ? [[key, value] as [string, string]] : []));
      void tiktokRoute(new Request(`http://127.0.0.1${message.url}`, { method: 'POST', headers, body })).then(
        (answer) => response.writeHead(answer.status).end(),
        () => response.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => routes.listen(0, '127.0.0.1', resolve));
  const routesUrl = `http://127.0.0.1:${(routes.address() as { port: number }).port}`;

  const sim = await createTikTokShopSimulator({
    webhookUrl: `${routesUrl}/api/webhooks/tiktok`, onHoldMs: 0, qpsLimit: 1_000_000, webhookConcurrency: 32,
    webhookRetryScheduleMs: [1_000, 5_000], appKey: env.TIKTOK_APP_KEY, appSecret: env.TIKTOK_APP_SECRET,
  });
  setTikTokClient(createTikTokClient({
    appKey: env.TIKTOK_APP_KEY, appSecret: env.TIKTOK_APP_SECRET, apiBaseUrl: sim.url, authBaseUrl: sim.url,
    rateLimit: { perEndpointPerSecond: 1_000_000, overallPerMinute: 100_000_000 },
  }));
  const carrier = await createSandboxCarrier({});
  const base = shippingConfigFromEnv(env);
  configureShipping({ ...base, shippo: { ...base.shippo, serverURL: carrier.url }, easypost: { ...base.easypost, baseUrl: `${carrier.url}/v2/` } });

  // A SKU deep enough for the run (the seed catalogue holds ~1,100 units in all).
  const created = await control<{ product: { skus: { id: string }[] } }>(sim.url, '/__sandbox/products', {
    title: 'Bench Glow Serum', skus: [{ seller_sku: 'BENCH-GLOW', price: 24.99, quantity: 99_999 }],
  });
  const skuId = created.product.skus[0]!.id;

  const accountId = await asSystem(async (tx) => {
    const [user] = await tx.insert(tables.authUsers).values({ email: `bench-${Date.now()}@creatorflow.dev` }).returning({ id: tables.authUsers.id });
    return (await createAccountForUser(tx, { userId: user!.id, accountName: 'Bench' })).accountId;
  });
  const { code } = await control<{ code: string }>(sim.url, '/__sandbox/authorize', {});
  const connected = await connectShopsWithCode({ accountId, code });
  if (!connected.connected[0]) throw new Error('the simulator shop did not connect');
  const workers = flags.workerProcesses > 0 ? spawnWorkers(flags.workerProcesses, { simUrl: sim.url, carrierUrl: carrier.url }) : [];
  if (workers.length === 0) await startWorkers();
  process.stdout.write('importing the catalogue');
  for (;;) {
    const stock = await asSystem((tx) => tx.execute<{ on_hand: number }>(sql`
      select l.on_hand from public.inventory_levels l join public.skus s on s.id = l.sku_id where s.tiktok_sku_id = ${skuId}`));
    if ((stock.rows[0]?.on_hand ?? 0) > 0) break;
    process.stdout.write('.');
    await sleep(250);
  }
  console.log(' done');
  /** TikTok order id → when the simulator accepted its tracking number (first Ship Package). */
  const pushedAt = () => {
    const at = new Map<string, number>();
    for (const push of sim.state.trackingPushes) if (push.kind === 'ship' && !at.has(push.orderId)) at.set(push.orderId, push.acceptedAtMs);
    return at;
  };
  const shipped = async () => {
    const purchases = (await (await fetch(`${carrier.url}/__sandbox/purchases`)).json()) as { purchases: { reference: string }[] };
    const references = purchases.purchases.map((purchase) => purchase.reference);
    return { count: references.length, duplicates: references.length - new Set(references).size };
  };

  /** The orders measured, and the warm-up's (run first, not measured). */
  const placed = { measured: new Set<string>(), warmup: new Set<string>() };
  const pushedOf = (orders: Set<string>) => [...pushedAt()].filter(([orderId]) => orders.has(orderId));

  return {
    async placeOrders(count: number, options: { measured: boolean } = { measured: true }) {
      const { order_ids: ids } = await control<{ order_ids: string[] }>(sim.url, '/__sandbox/orders', { count, sku_id: skuId, quantity: 1 });
      for (const id of ids) placed[options.measured ? 'measured' : 'warmup'].add(id);
    },
    pushedCount: (options: { measured: boolean } = { measured: true }) => pushedOf(placed[options.measured ? 'measured' : 'warmup']).length,
    results() {
      const pushed = pushedOf(placed.measured);
      const latenciesMs: number[] = [];
      for (const [orderId, at] of pushed) {
        const from = firstWebhook.get(orderId);
        if (from !== undefined) latenciesMs.push(at - from);
      }
      return {
        latenciesMs,
        firstWebhookAt: Math.min(...[...placed.measured].flatMap((orderId) => firstWebhook.get(orderId) ?? [])),
        lastPushAt: Math.max(...pushed.map(([, at]) => at)),
      };
    },
    /**
     * Waits until these orders are all shipped and no job is due or running (the emails sent);
     * returns when. A job due later (a debounced stock push, a schedule) does not count.
     */
    async drained(options: { measured: boolean }, until: number) {
      // Only the orders not yet seen shipped are asked about again, so the polls that overlap a
      // busy pipeline cost it little.
      let waiting = [...placed[options.measured ? 'measured' : 'warmup']];
      for (;;) {
        const { rows } = await asSystem((tx) => tx.execute<{ shipped: string[] | null; due: boolean }>(sql`
          select (select array_agg(tiktok_order_id) from public.orders
              where ${anyOf(sql`tiktok_order_id`, waiting, 'text')} and workflow_status in ('shipped', 'completed')) as shipped,
            exists (select from pgboss.job where state in ('created', 'retry', 'active') and start_after <= now()) as due`));
        const shipped = new Set(rows[0]!.shipped ?? []);
        waiting = waiting.filter((id) => !shipped.has(id));
        if ((waiting.length === 0 && !rows[0]!.due) || Date.now() > until) return Date.now();
        await sleep(100);
      }
    },
    /** The benchmark's own clocks of the measured orders: first webhook, tracking accepted. */
    stageClocks: () => [new Map([...placed.measured].flatMap((orderId) => (firstWebhook.has(orderId) ? [[orderId, firstWebhook.get(orderId)!] as const] : []))), new Map(pushedOf(placed.measured))] as const,
    /** Every label the sandbox sold, and how many packages got more than one (must be 0). */
    async purchases() {
      const { count, duplicates } = await shipped();
      return { purchases: count, duplicatePurchases: duplicates };
    },
    async close() {
      await Promise.all(workers.map((child) => new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      })));
      await stopQueueRuntime();
      await closeShipmentLocks();
      await sim.close();
      await carrier.close();
      routes.closeAllConnections();
      await new Promise<void>((resolve) => routes.close(() => resolve()));
      setTikTokClient(undefined);
      await closeDb();
    },
  };
}

/** A statement on its own connection as the database owner (pg_stat_statements needs it). */
async function superuserQuery<T>(text: string): Promise<T[]> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

async function control<T = unknown>(simUrl: string, pathname: string, body: unknown): Promise<T> {
  const response = await fetch(`${simUrl}${pathname}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${pathname} → ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
