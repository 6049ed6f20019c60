// createTikTokClient: the one entry point to TikTok Shop. Configuration arrives as arguments (the lead
// wires lib/env.ts); per-shop limiters live in the client, circuit breakers in the module registry.
import { exchangeAuthCode, refreshAccessToken } from './auth-api';
import { getShopBreaker } from './circuit-breakers';
import { createRateLimiter, type RateLimiter } from './rate-limiter';
import { withRetry, type RetryOptions } from './retry';
import { authorizedShopsDataSchema, type TikTokAuthorizedShop } from './schemas';
import { parseData, sendApiRequest, type HttpContext } from './send-request';
import { createShopApi, type TikTokShopApi } from './shop-api';
import { createTokenKeeper } from './token-keeper';
import type { TikTokClientConfig, TokenSet, TokenStore } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface ForShopInput {
  /** The id webhooks carry. */
  shopId: string;
  /** From getAuthorizedShops(); sent as `shop_cipher`. */
  shopCipher: string;
  tokens: TokenStore;
}

export interface TikTokClient {
  exchangeAuthCode(code: string): Promise<TokenSet>;
  refreshToken(refreshToken: string): Promise<TokenSet>;
  /** Right after token exchange, before any shop (and cipher) is known. */
  getAuthorizedShops(accessToken: string): Promise<TikTokAuthorizedShop[]>;
  forShop(input: ForShopInput): TikTokShopApi;
}

export function createTikTokClient(config: TikTokClientConfig): TikTokClient {
  for (const key of ['appKey', 'appSecret', 'apiBaseUrl', 'authBaseUrl'] as const) {
    if (!config[key]) throw new TypeError(`createTikTokClient: ${key} is required`);
  }
  const now = config.now ?? Date.now;
  const sleep = config.sleep ?? defaultSleep;
  const http: HttpContext = {
    appKey: config.appKey,
    appSecret: config.appSecret,
    apiBaseUrl: config.apiBaseUrl,
    authBaseUrl: config.authBaseUrl,
    fetch: config.fetch ?? globalThis.fetch.bind(globalThis),
    now,
    requestTimeoutMs: config.requestTimeoutMs ?? 15_000,
  };
  const retryFor = (shopId: string | undefined, endpointHint: string): RetryOptions => ({
    maxAttempts: config.retry?.maxAttempts ?? 5,
    baseDelayMs: config.retry?.baseDelayMs ?? 200,
    maxDelayMs: config.retry?.maxDelayMs ?? 30_000,
    sleep,
    random: config.random ?? Math.random,
    onRetry: (attempt, delayMs, error) =>
      config.onEvent?.({
        type: 'retry',
        shopId,
        endpoint: error.endpoint ?? endpointHint,
        attempt,
        delayMs,
        kind: error.kind,
      }),
  });
  const authRetry = retryFor(undefined, 'auth');
  const refreshToken = (token: string) => refreshAccessToken(http, authRetry, token);
  const keeper = createTokenKeeper({
    refresh: refreshToken,
    now,
    marginMs: config.refreshMarginMs ?? DAY_MS,
    onEvent: config.onEvent,
  });

  const limiters = new Map<string, RateLimiter>();
  const limiterFor = (key: string) => {
    let limiter = limiters.get(key);
    if (!limiter) {
      limiter = createRateLimiter({
        perEndpointPerSecond: config.rateLimit?.perEndpointPerSecond ?? 50,
        overallPerMinute: config.rateLimit?.overallPerMinute ?? 1000,
        now,
        sleep,
      });
      limiters.set(key, limiter);
    }
    return limiter;
  };

  function shopContext(shopId: string, shopCipher: string, tokens: TokenStore) {
    const breaker = getShopBreaker(shopId, {
      consecutiveFailures: config.breaker?.consecutiveFailures ?? 5,
      halfOpenAfterMs: config.breaker?.halfOpenAfterMs ?? 30_000,
      onStateChange: (state) => config.onEvent?.({ type: 'circuit', shopId, state }),
    });
    return {
      http,
      shopId,
      shopCipher,
      tokens,
      keeper,
      limiter: limiterFor(shopId),
      breaker,
      retry: retryFor(shopId, shopId),
    };
  }

  return {
    exchangeAuthCode: (code) => exchangeAuthCode(http, authRetry, code),
    refreshToken,
    async getAuthorizedShops(accessToken) {
      // No shop yet, so no shop limiter or breaker; the token is fresh from exchangeAuthCode.
      const path = '/authorization/202309/shops';
      const endpoint = `GET ${path}`;
      const data = await withRetry(
        () => sendApiRequest(http, { method: 'GET', path, endpoint, accessToken }),
        authRetry,
      );
      return parseData(authorizedShopsDataSchema, data, endpoint).shops;
    },
    forShop({ shopId, shopCipher, tokens }) {
      if (!shopId || !shopCipher) throw new TypeError('forShop needs both shopId and shopCipher');
      return createShopApi(shopContext(shopId, shopCipher, tokens));
    },
  };
}
