import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { adminRoutes } from './admin/routes';
import { createVirtualClock, type VirtualClock } from './core/clock';
import type { SandboxContext } from './core/context';
import { isoAt } from './core/ids';
import { clearSandboxState, createSandboxState, type SandboxState } from './core/state';
import { createTimerSet } from './core/timers';
import { applyDueSteps } from './core/tracking';
import { publishEasyPostTracking } from './easypost/events';
import { easyPostRoutes } from './easypost/routes';
import { registerEasyPostWebhook } from './easypost/trackers';
import { apiFaces } from './faces';
import { createFaultInjector, type FaultInjector } from './faults/fault-injector';
import { createRequestListener } from './http/dispatch';
import { createRouter } from './http/router';
import type { Handler, RouteApi } from './http/types';
import { sandboxOptionsSchema, type SandboxCarrierOptions } from './options';
import { publishShippoTracking } from './shippo/events';
import { shippoRoutes } from './shippo/routes';
import { registerShippoWebhook } from './shippo/webhooks';
import { createWebhookEmitter, type DeliveryAttempt } from './webhooks/emitter';

export interface SandboxCarrier {
  /** `http://127.0.0.1:<port>`: Shippo `serverURL`; EasyPost `baseUrl` is `${url}/v2/`. */
  url: string;
  port: number;
  state: SandboxState;
  clock: VirtualClock;
  faults: FaultInjector;
  /** Advances virtual time and sends the resulting tracking webhooks. */
  advanceClock(seconds: number): number;
  reset(): void;
  webhooks: { idle(): Promise<void>; attempts(): DeliveryAttempt[] };
  close(): Promise<void>;
}

/**
 * Starts the sandbox carrier (Shippo subset + EasyPost subset + /__sandbox controls) on
 * node:http. Works under Node, Bun and in-process in Jest with `port: 0`.
 */
export async function createSandboxCarrier(input: SandboxCarrierOptions = {}): Promise<SandboxCarrier> {
  const options = sandboxOptionsSchema.parse(input);
  const state = createSandboxState();
  const clock = createVirtualClock(options.startTime);
  const timers = createTimerSet();
  const faults = createFaultInjector();
  const emitter = createWebhookEmitter({
    concurrency: options.webhookConcurrency,
    retryDelayMs: options.webhookRetryDelayMs,
    timeoutMs: options.webhookTimeoutMs,
    faults,
    timers,
  });
  let listeningUrl = '';
  const ctx: SandboxContext = {
    state,
    clock,
    timers,
    emitter,
    faults,
    options,
    publicUrl: () => options.publicUrl?.replace(/\/+$/, '') ?? listeningUrl,
    nowIso: () => isoAt(clock.now()),
    publishTracking(changes) {
      for (const change of changes) {
        if (change.parcel.provider === 'shippo') publishShippoTracking(ctx, change);
        else publishEasyPostTracking(ctx, change);
      }
    },
  };
  const seedWebhooks = () => {
    if (options.shippoWebhookUrl) registerShippoWebhook(ctx, { event: 'all', url: options.shippoWebhookUrl });
    if (options.easypostWebhookUrl)
      registerEasyPostWebhook(ctx, options.easypostWebhookUrl, options.easypostWebhookSecret, 'test');
  };
  const controls = {
    advanceClock(seconds: number) {
      const now = clock.advance(seconds);
      ctx.publishTracking(applyDueSteps(state, now));
      return now;
    },
    reset() {
      timers.cancelAll();
      emitter.reset();
      clearSandboxState(state);
      clock.reset();
      faults.clear();
      seedWebhooks();
    },
  };
  seedWebhooks();

  const router = createRouter();
  const mount = (api: RouteApi, routes: Record<string, Handler>) => {
    for (const [key, handler] of Object.entries(routes)) {
      const [method = 'GET', pattern = '/'] = key.split(' ');
      router.add(api, method, pattern, handler);
    }
  };
  mount('shippo', shippoRoutes(ctx));
  mount('easypost', easyPostRoutes(ctx));
  mount('admin', adminRoutes(ctx, controls));

  const server: Server = createServer(
    createRequestListener(
      { router, faces: apiFaces(options), faults, timers, log: options.log },
      () => listeningUrl,
    ),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  listeningUrl = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  const ticker =
    options.autoTickMs > 0
      ? setInterval(() => ctx.publishTracking(applyDueSteps(state, clock.now())), options.autoTickMs)
      : undefined;
  ticker?.unref();

  return {
    url: listeningUrl,
    port,
    state,
    clock,
    faults,
    advanceClock: controls.advanceClock,
    reset: controls.reset,
    webhooks: { idle: () => emitter.idle(), attempts: () => emitter.attempts() },
    async close() {
      if (ticker) clearInterval(ticker);
      timers.cancelAll();
      emitter.reset();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      });
    },
  };
}
