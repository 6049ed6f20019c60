import 'server-only';
import { env } from '@/lib/env';
import { logger } from '@/lib/logger';
import { createTikTokClient, type TikTokClient } from './client';

/**
 * The app's wiring of the TikTok integration: configuration read once from lib/env and the one client
 * of this process. One client matters: per-shop rate limiters live in it, so every job and route of a
 * process shares a shop's quota (circuit breakers are process-wide already).
 */
export interface TikTokAppConfig {
  appKey: string;
  appSecret: string;
  authorizeUrl: string;
  /** base64 AES-256-GCM key for tokens at rest. */
  encryptionKey: string;
  /** Public URL of the app (links in emails, redirects). */
  appUrl: string;
  reconcileIntervalSeconds: number;
  reconcileOverlapSeconds: number;
}

export function tiktokAppConfig(): TikTokAppConfig {
  return {
    appKey: env.TIKTOK_APP_KEY,
    appSecret: env.TIKTOK_APP_SECRET,
    authorizeUrl: env.TIKTOK_AUTHORIZE_URL,
    encryptionKey: env.APP_ENCRYPTION_KEY,
    appUrl: env.APP_URL,
    reconcileIntervalSeconds: env.TIKTOK_RECONCILE_INTERVAL_SECONDS,
    reconcileOverlapSeconds: env.TIKTOK_RECONCILE_OVERLAP_SECONDS,
  };
}

const globalForClient = globalThis as typeof globalThis & { __creatorflowTikTokClient?: TikTokClient };

export function getTikTokClient(): TikTokClient {
  globalForClient.__creatorflowTikTokClient ??= createTikTokClient({
    appKey: env.TIKTOK_APP_KEY,
    appSecret: env.TIKTOK_APP_SECRET,
    apiBaseUrl: env.TIKTOK_API_BASE_URL,
    authBaseUrl: env.TIKTOK_AUTH_BASE_URL,
    rateLimit: {
      perEndpointPerSecond: env.TIKTOK_RATE_LIMIT_PER_SECOND,
      overallPerMinute: env.TIKTOK_RATE_LIMIT_PER_MINUTE,
    },
    onEvent: (event) => {
      if (event.type === 'circuit') logger.warn({ tiktokShopId: event.shopId, state: event.state }, 'tiktok circuit changed');
      else if (event.type === 'retry') logger.info({ ...event }, 'tiktok call retried');
      else logger.info({ tiktokShopId: event.shopId, reason: event.reason }, 'tiktok token refreshed');
    },
  });
  return globalForClient.__creatorflowTikTokClient;
}

/**
 * Replaces the process's client (tests point it at an in-process simulator on a free port); undefined
 * goes back to the one built from lib/env on next use.
 */
export function setTikTokClient(client: TikTokClient | undefined): void {
  globalForClient.__creatorflowTikTokClient = client;
}
