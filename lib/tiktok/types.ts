// Public types of the TikTok Shop client: configuration, tokens and the persistence port for tokens.

/** The credentials TikTok issues for one seller authorization (spec §2.2). */
export interface TokenSet {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  openId: string;
  sellerName: string;
  sellerBaseRegion?: string;
  grantedScopes: string[];
}

/**
 * Where a shop's tokens live (the lead wires an encrypted Postgres row). `save` must persist the newest
 * refresh token before resolving; `load` must return the latest saved set.
 */
export interface TokenStore {
  load(): Promise<TokenSet>;
  save(tokens: TokenSet): Promise<void>;
}

export interface RateLimitConfig {
  /** TikTok allows 50 QPS per API per (app, shop). */
  perEndpointPerSecond?: number;
  overallPerMinute?: number;
}

export interface RetryConfig {
  /** Total attempts including the first; 1 disables retries. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export interface BreakerConfig {
  /** Consecutive 5xx / network failures that open a shop's circuit. */
  consecutiveFailures?: number;
  /** How long an open circuit fails fast before letting one trial call through (half-open). */
  halfOpenAfterMs?: number;
}

export type TikTokClientEvent =
  | {
      type: 'retry';
      shopId: string | undefined;
      endpoint: string;
      attempt: number;
      delayMs: number;
      kind: string;
    }
  | { type: 'token-refreshed'; shopId: string; reason: 'proactive' | 'expired' }
  | { type: 'circuit'; shopId: string; state: CircuitStateName };

export type CircuitStateName = 'closed' | 'open' | 'half-open';

export interface TikTokClientConfig {
  appKey: string;
  appSecret: string;
  /** e.g. https://open-api.tiktokglobalshop.com (or the simulator's URL). */
  apiBaseUrl: string;
  /** e.g. https://auth.tiktok-shops.com (or the simulator's URL). */
  authBaseUrl: string;
  fetch?: typeof fetch;
  /** Milliseconds since the epoch; defaults to Date.now. Drives `timestamp` and token expiry checks. */
  now?: () => number;
  /** Used for backoff and rate-limit waits; inject a fake in tests. */
  sleep?: (ms: number) => Promise<void>;
  /** Source of backoff jitter in [0, 1); defaults to Math.random. */
  random?: () => number;
  rateLimit?: RateLimitConfig;
  retry?: RetryConfig;
  breaker?: BreakerConfig;
  /** Refresh the access token when it expires within this margin. Default 24 h. */
  refreshMarginMs?: number;
  /** Abort one HTTP attempt after this long (counted as a NETWORK failure). Default 15 s. */
  requestTimeoutMs?: number;
  /** Observability hook (retries, refreshes, circuit changes). Must not throw. */
  onEvent?: (event: TikTokClientEvent) => void;
}
