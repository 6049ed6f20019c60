// createTikTokShopSimulator: one node:http server answering the auth host, the API host and the
// /__sandbox control plane, so an unmodified TikTok client only needs its two base URLs pointed here.
// Runs under Node (including in-process in Jest with port 0) and under Bun.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { handleApiRequest } from './api/handle-api-request';
import { AUTH_PATHS, handleAuthRequest } from './auth/handle-auth-request';
import { createClock } from './clock';
import { handleControlRequest } from './control/handle-control-request';
import { toFaults } from './faults';
import { ApiFailure, ControlFailure, sendJson } from './http-utils';
import { ID_PREFIX, createIdFactory, seededRandom } from './ids';
import { seedState } from './seed';
import { resolveOptions, type Sim, type TikTokShopSimulatorOptions } from './sim';
import type { SimState } from './types';
import { createWebhookDispatcher } from './webhooks/dispatcher';

export interface TikTokShopSimulator {
  /** Base URL for both `apiBaseUrl` and `authBaseUrl`, e.g. http://127.0.0.1:4100 */
  url: string;
  port: number;
  /** Live state (replaced on reset; read it through this getter). */
  readonly state: SimState;
  /** The runtime context, for tests that need to look deeper (deliveries, faults, clock). */
  readonly sim: Sim;
  /** Resolves when no webhook is queued, in flight or waiting for a retry. */
  webhooksIdle(): Promise<void>;
  /** Same as POST /__sandbox/reset. */
  reset(): void;
  close(): Promise<void>;
}

function createDispatcher(sim: Sim) {
  return createWebhookDispatcher({
    url: sim.options.webhookUrl,
    appKey: sim.options.appKey,
    appSecret: sim.options.appSecret,
    concurrency: sim.options.webhookConcurrency,
    retryScheduleMs: sim.options.webhookRetryScheduleMs,
    timeoutMs: sim.options.webhookTimeoutMs,
    reorderHoldMs: 250,
    faults: () => sim.faults,
    random: sim.random,
    nowSeconds: sim.clock.nowSeconds,
    nextNotificationId: () => sim.nextId(ID_PREFIX.notification),
  });
}

export async function createTikTokShopSimulator(
  options: TikTokShopSimulatorOptions = {},
): Promise<TikTokShopSimulator> {
  const resolved = resolveOptions(options);
  const clock = createClock(options.now);
  const sim = {
    options: resolved,
    clock,
    random: seededRandom(resolved.seed),
    nextId: createIdFactory(clock.nowMs),
    state: seedState(resolved.extraSellers, resolved.lowStockThreshold),
    faults: toFaults({}),
    timers: new Set(),
    rateBuckets: new Map(),
    skippedWebhooks: 0,
  } as Omit<Sim, 'webhooks'> as Sim;
  sim.webhooks = createDispatcher(sim);

  function stopBackgroundWork() {
    sim.webhooks.stop();
    for (const timer of sim.timers) clearTimeout(timer);
    sim.timers.clear();
  }

  function reset() {
    stopBackgroundWork();
    sim.state = seedState(resolved.extraSellers, resolved.lowStockThreshold);
    sim.faults = toFaults({});
    sim.random = seededRandom(resolved.seed);
    sim.rateBuckets.clear();
    sim.skippedWebhooks = 0;
    sim.clock.setOffsetSeconds(0);
    sim.webhooks = createDispatcher(sim);
  }

  async function dispatch(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://simulator.local');
    if (url.pathname.startsWith('/__sandbox/')) return handleControlRequest(sim, { reset }, req, res, url);
    if (AUTH_PATHS.has(url.pathname)) return handleAuthRequest(sim, req, res, url);
    return handleApiRequest(sim, req, res, url);
  }

  const server = createServer((req, res) => {
    dispatch(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof ControlFailure) return sendJson(res, error.httpStatus, { error: error.message });
      if (error instanceof ApiFailure)
        return sendJson(res, error.httpStatus, { code: error.code, message: error.message });
      console.error('[tiktok-sim] unexpected error', error);
      sendJson(res, 500, { error: 'internal simulator error' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${resolved.host}:${port}`,
    port,
    get state() {
      return sim.state;
    },
    sim,
    webhooksIdle: () => sim.webhooks.idle(),
    reset,
    async close() {
      stopBackgroundWork();
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
