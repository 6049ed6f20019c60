// The simulator's runtime context, passed to every handler: options, clock, state, faults and webhooks.
import type { SimClock } from './clock';
import type { Faults } from './faults';
import type { IdFactory } from './ids';
import type { SellerSeed } from './seed';
import type { SimState } from './types';
import type { WebhookDispatcher } from './webhooks/dispatcher';

export interface TikTokShopSimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  appKey?: string;
  appSecret?: string;
  /** `service_id` accepted by the /open/authorize consent link. */
  serviceId?: string;
  /** The app's registered Redirect URL for the consent flow. */
  redirectUrl?: string;
  /** Where webhooks go; null or absent disables delivery. */
  webhookUrl?: string | null;
  /** How long paid orders stay ON_HOLD before AWAITING_SHIPMENT (TikTok: about an hour). Default 0. */
  onHoldMs?: number;
  webhookRetryScheduleMs?: number[];
  webhookConcurrency?: number;
  webhookTimeoutMs?: number;
  /** API-host limit per (app, shop, API) per second; above it HTTP 429 + 36009002. Default 50. */
  qpsLimit?: number;
  /** Stock at or below this is LOW_STOCK (webhook type 27). Default 10. */
  lowStockThreshold?: number;
  accessTokenTtlSeconds?: number;
  /** Authorization (refresh token) lifetime. Default 365 days. */
  refreshTokenTtlSeconds?: number;
  /** Sellers besides "CreatorFlow Demo Seller", each with its own shops and a copy of the catalog. */
  extraSellers?: SellerSeed[];
  /** Seed of the PRNG that picks buyers, SKUs and fault dice. */
  seed?: number;
  /** Base clock in ms (POST /__sandbox/clock adds an offset). Default Date.now. */
  now?: () => number;
}

export type ResolvedOptions = Required<Omit<TikTokShopSimulatorOptions, 'webhookUrl' | 'now'>> & {
  webhookUrl: string | null;
};

export const DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS = [2 * 60_000, 30 * 60_000, 3 * 3600_000, 12 * 3600_000];

export function resolveOptions(options: TikTokShopSimulatorOptions): ResolvedOptions {
  return {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    appKey: options.appKey ?? 'cf_local_app_key',
    appSecret: options.appSecret ?? 'cf_local_app_secret',
    serviceId: options.serviceId ?? '7400000000000000001',
    redirectUrl: options.redirectUrl ?? 'http://127.0.0.1:3000/api/tiktok/callback',
    webhookUrl: options.webhookUrl ?? null,
    onHoldMs: options.onHoldMs ?? 0,
    webhookRetryScheduleMs: options.webhookRetryScheduleMs ?? DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS,
    webhookConcurrency: options.webhookConcurrency ?? 16,
    webhookTimeoutMs: options.webhookTimeoutMs ?? 3000,
    qpsLimit: options.qpsLimit ?? 50,
    lowStockThreshold: options.lowStockThreshold ?? 10,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 7 * 86400,
    refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? 365 * 86400,
    extraSellers: options.extraSellers ?? [],
    seed: options.seed ?? 20230901,
  };
}

export interface Sim {
  options: ResolvedOptions;
  clock: SimClock;
  random: () => number;
  nextId: IdFactory;
  state: SimState;
  faults: Faults;
  webhooks: WebhookDispatcher;
  /** Hold-release timers, cleared on reset and close. */
  timers: Set<ReturnType<typeof setTimeout>>;
  /** (app, shop, API) → token bucket for the QPS limit. */
  rateBuckets: Map<string, { tokens: number; at: number }>;
  /** Notifications not sent because the shop was not authorized. */
  skippedWebhooks: number;
}
