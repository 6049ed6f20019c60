// bun run bench:ingest — webhook ingest under load, against the real HTTP server.
//
// Boots the production stack (embedded Postgres, migrations, seed, the TikTok Shop simulator with the
// demo shop connected, `next start`) on its own ports, then drives signed TikTok webhooks at
// POST /api/webhooks/tiktok from a SECOND process (autocannon under Node, on 127.0.0.1). Every request is
// a distinct, correctly signed ORDER_STATUS_CHANGE for a real simulator order, so each one is verified,
// stored and enqueued in one transaction. Scenarios:
//   1. fixed rate (the target: p99 < 50 ms at 200 requests/s, zero errors), web process only;
//   2. capacity (no rate limit), web process only;
//   3. fixed rate again while a separate worker process (`bun run worker`, the scale-out topology)
//      drains the backlog the first two left: processing, detail fetches, the fulfillment pipeline.
// Prints requests/s, p50/p99 and errors, checks that every acknowledged event was stored, and writes the
// "Webhook ingest" section of BENCHMARKS.md.
//
// Needs a production build (`npx next build`). Options (env): BENCH_RATE (200), BENCH_CONNECTIONS (20),
// BENCH_DURATION (30 s), BENCH_MAX_CONNECTIONS (50), BENCH_MAX_DURATION (15 s), BENCH_PORT (3950);
// DATABASE_POOL_MAX is passed to the app.
// The same file is the load process: `node scripts/bench/ingest.ts --load '<json>'`.
import { execFileSync, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface LoadConfig {
  url: string;
  appKey: string;
  appSecret: string;
  shopId: string;
  orderIds: string[];
  connections: number;
  durationSeconds: number;
  /** Requests per second over all connections; 0 = as fast as possible. */
  rate: number;
  /** Makes notification ids unique across scenarios. */
  prefix: string;
}

interface LoadResult {
  scenario: string;
  sent: number;
  connections: number;
  rate: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  timeouts: number;
}

const numberFromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
  return value;
};

if (process.argv[2] === '--load') await runLoad(JSON.parse(process.argv[3]!) as LoadConfig);
else await orchestrate();

/**
 * The load process. autocannon's limiter releases each connection's per-second quota back to back at
 * the top of every second; one instance at "200 req/s" would hit the server with one burst a second.
 * So a fixed rate is split over `slices` autocannon instances started evenly across the first second
 * (arrivals spread over the second, as webhooks arrive), and latencies are collected per response from
 * every instance to compute exact percentiles. A rate of 0 is one closed-loop instance (capacity).
 * Prints one JSON line.
 */
async function runLoad(config: LoadConfig): Promise<void> {
  type Stats = { sent: number };
  type AutocannonClient = { on(event: 'response', listener: (status: number, bytes: number, ms: number) => void): void };
  type AutocannonResult = { requests: Stats; errors: number; non2xx: number; timeouts: number };
  // autocannon ships no types; the shape used here is declared above.
  const specifier = 'autocannon';
  const { default: autocannon } = (await import(specifier)) as {
    default: (options: Record<string, unknown>) => Promise<AutocannonResult>;
  };
  let sequence = 0;
  const now = Math.floor(Date.now() / 1000);
  const latencies: number[] = [];
  let answered = 0;
  const signedRequest = (request: Record<string, unknown>) => {
    sequence += 1;
    const payload = JSON.stringify({
      type: 1,
      tts_notification_id: `${config.prefix}${String(sequence).padStart(9, '0')}`,
      shop_id: config.shopId,
      timestamp: now,
      data: {
        is_on_hold_order: false,
        order_id: config.orderIds[sequence % config.orderIds.length]!,
        order_status: 'AWAITING_SHIPMENT',
        update_time: now,
      },
    });
    const signature = createHmac('sha256', config.appSecret).update(config.appKey + payload).digest('hex');
    return { ...request, body: payload, headers: { 'content-type': 'application/json', authorization: signature } };
  };
  const instance = (connections: number, rate: number) =>
    autocannon({
      url: config.url,
      connections,
      duration: config.durationSeconds,
      ...(rate > 0 ? { overallRate: rate } : {}),
      setupClient: (client: AutocannonClient) =>
        client.on('response', (status, _bytes, ms) => {
          answered += 1;
          if (status >= 200 && status < 300) latencies.push(ms);
        }),
      requests: [{ method: 'POST', setupRequest: signedRequest }],
    });

  const slices = config.rate > 0 ? Math.max(1, Math.min(config.connections, 10)) : 1;
  const results = await Promise.all(
    Array.from({ length: slices }, async (_, index) => {
      await new Promise((resolve) => setTimeout(resolve, (index * 1000) / slices));
      const connections = Math.floor(config.connections / slices) + (index < config.connections % slices ? 1 : 0);
      const rate = config.rate > 0 ? Math.floor(config.rate / slices) + (index < config.rate % slices ? 1 : 0) : 0;
      return instance(connections, rate);
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => (latencies.length === 0 ? 0 : latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]!);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  const sum = (pick: (result: AutocannonResult) => number) => results.reduce((total, result) => total + pick(result), 0);
  const summary = {
    sent: sum((result) => result.requests.sent),
    requests: answered,
    // Every instance runs for durationSeconds (the stagger only shifts them), so that is the window.
    requestsPerSecond: Math.round((answered / config.durationSeconds) * 10) / 10,
    p50: round(at(0.5)),
    p90: round(at(0.9)),
    p99: round(at(0.99)),
    max: round(latencies.at(-1) ?? 0),
    errors: sum((result) => result.errors),
    non2xx: sum((result) => result.non2xx),
    timeouts: sum((result) => result.timeouts),
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

function runLoadProcess(config: LoadConfig): Promise<Omit<LoadResult, 'scenario' | 'connections' | 'rate' | 'durationSeconds'>> {
  return new Promise((resolve, reject) => {
    // Node, not Bun: autocannon is written against Node's http/net internals.
    const child = spawn('node', ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', path.join('scripts', 'bench', 'ingest.ts'), '--load', JSON.stringify(config)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      const line = output.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) return reject(new Error(`load process exited with ${code}: ${output}`));
      resolve(JSON.parse(line));
    });
  });
}

async function orchestrate(): Promise<void> {
  if (!existsSync('.next/BUILD_ID')) {
    console.error('bench:ingest runs against the production server: run `npx next build` first.');
    process.exit(1);
  }
  const { startStack, waitForUrl } = await import('../lib/stack');
  const { Client } = await import('pg');
  const appPort = numberFromEnv('BENCH_PORT', 3950);
  const offset = appPort - 3950;
  const ports = { pg: 54395 + offset, tiktok: 4195 + offset, carrier: 4095 + offset, stripe: 4295 + offset };
  const rate = numberFromEnv('BENCH_RATE', 200);
  const connections = numberFromEnv('BENCH_CONNECTIONS', 20);
  const duration = numberFromEnv('BENCH_DURATION', 30);
  const maxConnections = numberFromEnv('BENCH_MAX_CONNECTIONS', 50);
  const maxDuration = numberFromEnv('BENCH_MAX_DURATION', 15);

  console.log(`[bench] starting the production stack on :${appPort} (embedded Postgres :${ports.pg}, simulator :${ports.tiktok})`);
  // The web process only acknowledges (QUEUE_WORKERS_ENABLED=false, as in a scaled-out deployment);
  // scenario 3 adds a worker process.
  const stack = await startStack({
    extraEnv: { QUEUE_WORKERS_ENABLED: 'false', DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? '10' },
    mode: 'production',
    appPort,
    pgPort: ports.pg,
    pgDataDir: `.data/bench-postgres-${appPort}`,
    pgPersistent: false,
    tiktokPort: ports.tiktok,
    carrierPort: ports.carrier,
    stripePort: ports.stripe,
    quiet: process.env.BENCH_VERBOSE !== '1',
  });
  let exitCode = 0;
  try {
    await waitForUrl(`${stack.appUrl}/api/health`, 180_000);
    const simUrl = stack.env.TIKTOK_API_BASE_URL!;
    const appKey = process.env.TIKTOK_APP_KEY ?? 'cf_local_app_key';
    const appSecret = process.env.TIKTOK_APP_SECRET ?? 'cf_local_app_secret';

    // Real orders for the events to name; their own webhooks are dropped so only the bench's arrive.
    const simulator = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
      const response = await fetch(`${simUrl}${route}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      if (!response.ok) throw new Error(`simulator ${route}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    };
    const state = await simulator<{ shops: { id: string; authorized: boolean }[] }>('GET', '/__sandbox/state');
    const shop = state.shops.find((candidate) => candidate.authorized);
    if (!shop) throw new Error('the demo shop is not connected (see the tiktok-connect step with BENCH_VERBOSE=1)');
    await simulator('POST', '/__sandbox/faults', { dropWebhooks: 1 });
    const { order_ids: orderIds } = await simulator<{ order_ids: string[] }>('POST', '/__sandbox/orders', { count: 500 });

    // Compile-free warm-up (the route, the DB pool, the queue's prepared statements).
    const base: Omit<LoadConfig, 'connections' | 'durationSeconds' | 'rate' | 'prefix'> = {
      url: `http://127.0.0.1:${appPort}/api/webhooks/tiktok`,
      appKey,
      appSecret,
      shopId: shop.id,
      orderIds,
    };
    await runLoadProcess({ ...base, connections: 4, durationSeconds: 3, rate: 100, prefix: '7301' });

    const scenarios: LoadResult[] = [];
    const run = async (scenario: string, prefix: string, options: { connections: number; durationSeconds: number; rate: number }) => {
      console.log(`[bench] ${scenario}: ${options.rate || 'unlimited'} requests/s, ${options.connections} connections, ${options.durationSeconds} s`);
      const measured = await runLoadProcess({ ...base, ...options, prefix });
      scenarios.push({ scenario, ...options, ...measured });
    };
    await run('fixed rate', '7302', { connections, durationSeconds: duration, rate });
    await run('capacity', '7303', { connections: maxConnections, durationSeconds: maxDuration, rate: 0 });
    const worker = spawn('bun', ['--preload', './scripts/lib/server-runtime.ts', 'scripts/worker.ts'], {
      env: { ...process.env, ...stack.env, QUEUE_WORKERS_ENABLED: 'true', LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await run('fixed rate + worker draining', '7304', { connections, durationSeconds: duration, rate });
    } finally {
      worker.kill('SIGTERM');
      await new Promise((resolve) => worker.once('exit', resolve));
    }

    // Every acknowledged request must be a stored event (and nothing else): ingest loses nothing.
    const db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    const stored = await db.query<{ prefix: string; n: number }>(
      `select left(provider_event_id, 4) as prefix, count(*)::int as n from public.webhook_events
       where provider = 'tiktok' and left(provider_event_id, 4) in ('7302', '7303', '7304') group by 1`,
    );
    await db.end();
    const storedBy = Object.fromEntries(stored.rows.map((row) => [row.prefix, row.n]));
    const storedCounts = ['7302', '7303', '7304'].map((prefix) => storedBy[prefix] ?? 0);

    printTable(scenarios);
    scenarios.forEach((scenario, index) => {
      const acknowledged = scenario.requests - scenario.non2xx;
      const n = storedCounts[index]!;
      // Requests still in flight when the run stops may be stored without being counted as answered.
      const consistent = n >= acknowledged && n <= scenario.sent;
      console.log(`[bench] ${scenario.scenario}: ${scenario.sent} sent, ${acknowledged} acknowledged, ${n} stored${consistent ? '' : ' — MISMATCH'}`);
      if (!consistent) exitCode = 1;
    });
    const fixed = scenarios[0]!;
    const met = fixed.p99 < 50 && fixed.errors + fixed.non2xx + fixed.timeouts === 0 && fixed.requestsPerSecond >= rate * 0.95;
    console.log(`[bench] target (p99 < 50 ms at ${rate} req/s, zero errors): ${met ? 'met' : 'NOT met'}`);
    recordInBenchmarks(scenarios, storedCounts, met);
  } catch (error) {
    console.error('[bench] failed:', error);
    exitCode = 1;
  } finally {
    await stack.stop();
  }
  process.exit(exitCode);
}

function printTable(scenarios: LoadResult[]): void {
  console.table(
    scenarios.map((s) => ({
      scenario: s.scenario,
      connections: s.connections,
      'target req/s': s.rate || 'max',
      'req/s': Math.round(s.requestsPerSecond),
      'p50 ms': s.p50,
      'p99 ms': s.p99,
      'max ms': s.max,
      errors: s.errors + s.timeouts,
      'non-2xx': s.non2xx,
      sent: s.sent,
    })),
  );
}

function machine(): string {
  const cpus = os.cpus();
  // This process runs under Bun (whose process.versions.node is its compatibility level); the app and
  // the load generator run under the real Node.
  const node = execFileSync('node', ['--version']).toString().trim();
  const bun = process.versions.bun ? `, Bun ${process.versions.bun}` : '';
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}, Node ${node}${bun}`;
}

/** Replaces the "Webhook ingest" section of BENCHMARKS.md (other sections are other people's). */
function recordInBenchmarks(scenarios: LoadResult[], stored: number[], met: boolean): void {
  const file = 'BENCHMARKS.md';
  const rows = scenarios.map(
    (s, index) =>
      `| ${s.scenario} | ${s.connections} | ${s.rate || 'max'} | ${s.durationSeconds} s | ${Math.round(s.requestsPerSecond)} | ${s.p50} | ${s.p99} | ${s.max} | ${s.errors + s.timeouts} | ${s.non2xx} | ${s.sent} / ${stored[index]} |`,
  );
  const section = [
    '## Webhook ingest',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`bun run bench:ingest\` on ${machine()}.`,
    '',
    'Production build (`next start`) on embedded Postgres 17 with the demo shop connected to the TikTok Shop',
    'simulator. autocannon, in a second process on 127.0.0.1, POSTs distinct, correctly signed',
    'ORDER_STATUS_CHANGE events for real simulator orders to `/api/webhooks/tiktok`: each is verified,',
    'deduplicated, stored and its processing job enqueued in one transaction, then answered 200. The web',
    'process runs with `QUEUE_WORKERS_ENABLED=false` (scale-out topology); the last scenario adds a',
    '`bun run worker` process on the same two cores draining the backlog (event processing, detail fetches,',
    'the fulfillment pipeline). autocannon’s limiter releases each connection’s per-second quota back to',
    'back, so a fixed rate is split over 10 autocannon instances started 100 ms apart (arrivals spread over',
    'each second, connections shared among them); latencies are exact percentiles over every response.',
    '`sent / stored`: requests sent vs events stored (requests in flight at the stop may be stored unanswered).',
    '',
    '| scenario | connections | target req/s | duration | req/s | p50 ms | p99 ms | max ms | errors | non-2xx | sent / stored |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Target — p99 under 50 ms at 200 requests/s with zero errors: **${met ? 'met' : 'not met'}**.`,
    '',
  ].join('\n');
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\n';
  const start = existing.indexOf('## Webhook ingest');
  let next: string;
  if (start === -1) {
    next = `${existing.trimEnd()}\n\n${section}`;
  } else {
    const after = existing.indexOf('\n## ', start + 1);
    next = existing.slice(0, start) + section + (after === -1 ? '' : `\n${existing.slice(after + 1)}`);
  }
  writeFileSync(file, `${next.trimEnd()}\n`);
  console.log(`[bench] recorded in ${file}`);
}
