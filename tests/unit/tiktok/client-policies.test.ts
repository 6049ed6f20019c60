// Pure policy logic of the client: error mapping, Retry-After, backoff, the token-bucket limiter and the
// token keeper's fallbacks. A fake fetch stands in for TikTok where the simulator cannot produce the case.
import { createTikTokClient, kindFromCode, type TokenSet } from '@/lib/tiktok';
import { parseRetryAfter } from '@/lib/tiktok/errors';
import { createRateLimiter } from '@/lib/tiktok/rate-limiter';
import { backoffDelay, type RetryOptions } from '@/lib/tiktok/retry';
import { createTokenKeeper } from '@/lib/tiktok/token-keeper';

import { memoryTokenStore } from './helpers';

describe('kindFromCode', () => {
  it.each([
    [106001, 401, '', 'BAD_SIGN'],
    [105002, 401, '', 'EXPIRED_TOKEN'],
    [105001, 401, '', 'INVALID_TOKEN'],
    [36009004, 401, "Invalid credentials. The 'x-tts-access-token' header is invalid.", 'INVALID_TOKEN'],
    [36009004, 400, 'Invalid timestamp', 'INVALID_PARAMS'],
    [105005, 200, '', 'MISSING_SCOPE'],
    [36009002, 429, '', 'RATE_LIMITED'],
    [106013, 400, '', 'MISSING_SHOP_CIPHER'],
    [101000, 403, '', 'SHOP_MISMATCH'],
    [36009003, 500, '', 'INTERNAL'],
    [21011040, 200, '', 'ALREADY_SHIPPED'],
    [21008099, 200, '', 'ALREADY_SHIPPED'],
    [21011041, 200, '', 'ORDER_CANCELLED'],
    [21011025, 200, '', 'DUPLICATE_TRACKING'],
    [36004004, 200, '', 'INVALID_GRANT'],
    [undefined, 429, '', 'RATE_LIMITED'],
    [undefined, 503, '', 'INTERNAL'],
    [99999999, 200, '', 'UNKNOWN'],
  ])('code %s / HTTP %s → %s', (code, status, message, kind) => {
    expect(kindFromCode(code, status, message)).toBe(kind);
  });
});

describe('Retry-After and backoff', () => {
  const options: RetryOptions = {
    maxAttempts: 5,
    baseDelayMs: 200,
    maxDelayMs: 30_000,
    sleep: async () => {},
    random: () => 0.999,
  };

  it('parses delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(null, 0)).toBeUndefined();
  });

  it('grows exponentially under the cap and never undercuts Retry-After', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, options))).toEqual([199, 399, 799, 1598]);
    expect(backoffDelay(20, options)).toBe(29_970);
    expect(backoffDelay(1, options, 5000)).toBe(5000);
    expect(backoffDelay(1, options, 120_000)).toBe(30_000);
  });

  it('the client waits for Retry-After on a 503 and then succeeds', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const client = createTikTokClient({
      appKey: 'k',
      appSecret: 's',
      apiBaseUrl: 'http://tiktok.invalid',
      authBaseUrl: 'http://tiktok.invalid',
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0,
      fetch: async () => {
        calls += 1;
        return calls === 1
          ? new Response('<html>busy</html>', { status: 503, headers: { 'retry-after': '2' } })
          : Response.json({ code: 0, message: 'Success', request_id: 'x', data: { shops: [] } });
      },
    });
    await expect(client.getAuthorizedShops('token')).resolves.toEqual([]);
    expect(sleeps).toEqual([2000]);
  });
});

describe('token-bucket rate limiter', () => {
  it('lets a burst through up to capacity, then waits for refill instead of failing', async () => {
    let now = 0;
    const waits: number[] = [];
    const limiter = createRateLimiter({
      perEndpointPerSecond: 5,
      overallPerMinute: 1000,
      now: () => now,
      sleep: async (ms) => {
        waits.push(ms);
        now += ms;
      },
    });
    for (let i = 0; i < 5; i += 1) await limiter.acquire('A');
    expect(waits).toEqual([]);
    await limiter.acquire('A');
    expect(waits).toEqual([200]); // one token per 200 ms at 5/s
    await limiter.acquire('B'); // another endpoint has its own bucket
    expect(waits).toEqual([200]);
  });

  it('also enforces the overall per-minute budget across endpoints', async () => {
    let now = 0;
    const limiter = createRateLimiter({
      perEndpointPerSecond: 50,
      overallPerMinute: 3,
      now: () => now,
      sleep: async (ms) => void (now += ms),
    });
    for (const endpoint of ['A', 'B', 'C', 'D']) await limiter.acquire(endpoint);
    expect(now).toBe(20_000); // the fourth call waited for a 60 s / 3 refill
  });
});

describe('token keeper', () => {
  const tokens = (accessToken: string, expiresInMs: number): TokenSet => ({
    accessToken,
    accessTokenExpiresAt: new Date(1_000_000 + expiresInMs),
    refreshToken: `r-${accessToken}`,
    refreshTokenExpiresAt: new Date(9e12),
    openId: 'o',
    sellerName: 's',
    grantedScopes: [],
  });

  it('keeps using a still-valid token when an early refresh fails, but not an expired one', async () => {
    const keeper = createTokenKeeper({
      refresh: async () => Promise.reject(new Error('auth host down')),
      now: () => 1_000_000,
      marginMs: 3600_000,
    });
    await expect(keeper.current('shop', memoryTokenStore(tokens('a', 60_000)))).resolves.toMatchObject({
      accessToken: 'a',
    });
    await expect(keeper.current('shop', memoryTokenStore(tokens('b', -1)))).rejects.toThrow('auth host down');
  });

  it('after a 105002, reuses tokens another worker already rotated instead of refreshing again', async () => {
    const refresh = jest.fn(async () => tokens('fresh', 7 * 86400_000));
    const keeper = createTokenKeeper({ refresh, now: () => 1_000_000, marginMs: 0 });
    const store = memoryTokenStore(tokens('rotated-elsewhere', 7 * 86400_000));
    await expect(keeper.renewExpired('shop', store, 'stale')).resolves.toMatchObject({
      accessToken: 'rotated-elsewhere',
    });
    expect(refresh).not.toHaveBeenCalled();
    await expect(keeper.renewExpired('shop', store, 'rotated-elsewhere')).resolves.toMatchObject({
      accessToken: 'fresh',
    });
    expect(refresh).toHaveBeenCalledWith('r-rotated-elsewhere');
  });
});
