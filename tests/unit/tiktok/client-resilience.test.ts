// Token refresh, retries, signature failures and the circuit breaker, against the real simulator.
import { getCircuitStates, resetCircuitBreakers, type TikTokClientEvent } from '@/lib/tiktok';
import { DEMO_SHOP_ID, type TikTokShopSimulator } from '@/sandbox/tiktok-shop';

import { clientFor, connectDemoShop, control, startSimulator } from './helpers';

const DAY_S = 86400;
let sim: TikTokShopSimulator;
beforeEach(async () => {
  resetCircuitBreakers();
  sim = await startSimulator();
});
afterEach(() => sim.close());

describe('access token lifecycle', () => {
  it('refreshes once on EXPIRED_TOKEN (105002), stores the new tokens and replays the call', async () => {
    let clientSkewMs = 0;
    const { client, requests } = clientFor(sim.url, {
      now: () => Date.now() + clientSkewMs,
      refreshMarginMs: 0,
    });
    const { api, store, tokens } = await connectDemoShop(sim.url, client);

    // TikTok's clock passes the 7-day expiry; ours lags 200 s behind (inside the -300 s window) and
    // still believes the token is valid, so only the server's 105002 can trigger the refresh.
    await control(sim.url, 'POST', '/__sandbox/clock', { offsetSeconds: 7 * DAY_S + 100 });
    clientSkewMs = (7 * DAY_S + 100 - 200) * 1000;
    requests.length = 0;

    const page = await api.searchOrders();
    expect(page.items).toEqual([]);
    expect(requests).toEqual([
      'POST /order/202309/orders/search', // 105002
      'GET /api/v2/token/refresh',
      'POST /order/202309/orders/search', // replay with the new token
    ]);
    expect(sim.state.tokenRefreshes).toBe(1);
    expect(store.saved).toHaveLength(1);
    expect(store.current().accessToken).not.toBe(tokens.accessToken);
    expect(store.current().accessTokenExpiresAt.getTime()).toBeGreaterThan(
      tokens.accessTokenExpiresAt.getTime(),
    );
  });

  it('refreshes only once per call: a second 105002 is thrown', async () => {
    let clientSkewMs = 0;
    const { client, requests } = clientFor(sim.url, {
      now: () => Date.now() + clientSkewMs,
      refreshMarginMs: 0,
    });
    const { api } = await connectDemoShop(sim.url, client);
    sim.sim.options.accessTokenTtlSeconds = 0; // from now on every issued token is born expired
    await control(sim.url, 'POST', '/__sandbox/clock', { offsetSeconds: 7 * DAY_S + 100 });
    clientSkewMs = (7 * DAY_S + 100 - 200) * 1000;
    requests.length = 0;

    await expect(api.searchOrders()).rejects.toMatchObject({
      kind: 'EXPIRED_TOKEN',
      code: 105002,
      retryable: false,
    });
    expect(requests).toEqual([
      'POST /order/202309/orders/search',
      'GET /api/v2/token/refresh',
      'POST /order/202309/orders/search',
    ]);
  });

  it('refreshes ahead of expiry, and concurrent callers share one in-flight refresh', async () => {
    await sim.close();
    sim = await startSimulator({ accessTokenTtlSeconds: 3600 }); // inside the default 24 h margin
    const events: TikTokClientEvent[] = [];
    const { client } = clientFor(sim.url, { onEvent: (event) => events.push(event) });
    const { api, store } = await connectDemoShop(sim.url, client);

    const results = await Promise.all(Array.from({ length: 8 }, () => api.searchProducts({ pageSize: 1 })));
    expect(results.every((r) => r.totalCount === 6)).toBe(true);
    expect(sim.state.tokenRefreshes).toBe(1);
    expect(store.saved).toHaveLength(1);
    expect(events.filter((e) => e.type === 'token-refreshed')).toEqual([
      { type: 'token-refreshed', shopId: DEMO_SHOP_ID, reason: 'proactive' },
    ]);
  });
});

describe('retries and failures', () => {
  it('backs off through a 429 storm and succeeds (exponential delays with full jitter)', async () => {
    const { client, requests, sleeps } = clientFor(sim.url, { retry: { baseDelayMs: 200 } });
    const { api } = await connectDemoShop(sim.url, client);
    requests.length = 0;
    await control(sim.url, 'POST', '/__sandbox/faults', { rate429: { count: 3 } });

    const page = await api.searchProducts();
    expect(page.totalCount).toBe(6);
    expect(requests).toHaveLength(4);
    expect(sleeps).toEqual([100, 200, 400]); // random() = 0.5 of 200·2^(n-1)
  });

  it('gives up after maxAttempts with a retryable RATE_LIMITED error', async () => {
    const { client, requests } = clientFor(sim.url, { retry: { maxAttempts: 3 } });
    const { api } = await connectDemoShop(sim.url, client);
    requests.length = 0;
    await control(sim.url, 'POST', '/__sandbox/faults', { rate429: 1 });

    await expect(api.searchOrders()).rejects.toMatchObject({
      kind: 'RATE_LIMITED',
      code: 36009002,
      httpStatus: 429,
      retryable: true,
    });
    expect(requests).toHaveLength(3);
  });

  it('answers the simulator QPS limit with 429 and waits it out', async () => {
    // One fake clock for both sides: the client's backoff sleeps move TikTok's one-second window too.
    let fakeNow = Date.now();
    await sim.close();
    sim = await startSimulator({ qpsLimit: 2, now: () => fakeNow });
    const { client, requests, sleeps } = clientFor(sim.url, {
      now: () => fakeNow,
      sleep: async (ms) => {
        sleeps.push(ms);
        fakeNow += ms;
      },
      retry: { baseDelayMs: 400 },
    });
    const { api } = await connectDemoShop(sim.url, client);
    requests.length = 0;
    sleeps.length = 0;

    const pages = await Promise.all(Array.from({ length: 4 }, () => api.searchProducts({ pageSize: 1 })));
    expect(pages.every((p) => p.totalCount === 6)).toBe(true);
    expect(requests.length).toBeGreaterThan(4); // two calls were refused with 429, then retried
    expect(sleeps.length).toBe(requests.length - 4);
  });

  it('fails with BAD_SIGN (HTTP 401, 106001) on a wrong secret and does not retry', async () => {
    const { client } = clientFor(sim.url);
    const { tokens, shop } = await connectDemoShop(sim.url, client);
    const wrong = clientFor(sim.url, { appSecret: 'not-the-secret' });

    await expect(wrong.client.getAuthorizedShops(tokens.accessToken)).rejects.toMatchObject({
      kind: 'BAD_SIGN',
      code: 106001,
      httpStatus: 401,
      retryable: false,
    });
    const api = wrong.client.forShop({
      shopId: shop.id,
      shopCipher: shop.cipher,
      tokens: { load: async () => tokens, save: async () => {} },
    });
    await expect(api.searchOrders()).rejects.toMatchObject({ kind: 'BAD_SIGN' });
    expect(wrong.requests).toHaveLength(2);
  });

  it('reports an unknown token as INVALID_TOKEN and a foreign shop as SHOP_MISMATCH', async () => {
    await sim.close();
    sim = await startSimulator({ extraSellers: [{ name: 'Other Seller' }] });
    const { client } = clientFor(sim.url);
    const { tokens } = await connectDemoShop(sim.url, client);
    await expect(client.getAuthorizedShops('ROW_unknown')).rejects.toMatchObject({
      kind: 'INVALID_TOKEN',
      code: 36009004,
    });

    const other = [...sim.state.shops.values()].find((s) => s.id !== DEMO_SHOP_ID)!;
    const api = client.forShop({
      shopId: other.id,
      shopCipher: other.cipher,
      tokens: { load: async () => tokens, save: async () => {} },
    });
    await expect(api.searchOrders()).rejects.toMatchObject({ kind: 'SHOP_MISMATCH', code: 101000 });
  });

  it('opens the shop circuit after consecutive 5xx and then fails fast without calling TikTok', async () => {
    const { client, requests } = clientFor(sim.url, {
      breaker: { consecutiveFailures: 3, halfOpenAfterMs: 60_000 },
    });
    const { api } = await connectDemoShop(sim.url, client);
    requests.length = 0;
    await control(sim.url, 'POST', '/__sandbox/faults', { rate5xx: 1 });

    await expect(api.searchOrders()).rejects.toMatchObject({ kind: 'CIRCUIT_OPEN', retryable: false });
    expect(requests).toHaveLength(3); // the 4th attempt never left the process
    expect(getCircuitStates()[DEMO_SHOP_ID]).toBe('open');

    await control(sim.url, 'POST', '/__sandbox/faults', {});
    await expect(api.searchProducts()).rejects.toMatchObject({ kind: 'CIRCUIT_OPEN' });
    expect(requests).toHaveLength(3);
  });

  it('lets a trial call through once half-open and closes on success', async () => {
    const events: TikTokClientEvent[] = [];
    const { client } = clientFor(sim.url, {
      breaker: { consecutiveFailures: 2, halfOpenAfterMs: 0 },
      retry: { maxAttempts: 2 },
      onEvent: (e) => events.push(e),
    });
    const { api } = await connectDemoShop(sim.url, client);
    await control(sim.url, 'POST', '/__sandbox/faults', { rate5xx: 1 });
    await expect(api.searchOrders()).rejects.toMatchObject({
      kind: 'INTERNAL',
      code: 36009003,
      httpStatus: 500,
    });
    expect(getCircuitStates()[DEMO_SHOP_ID]).toBe('open');

    await control(sim.url, 'POST', '/__sandbox/faults', {});
    await expect(api.searchOrders()).resolves.toMatchObject({ totalCount: 0 });
    expect(getCircuitStates()[DEMO_SHOP_ID]).toBe('closed');
    expect(
      events.filter((e) => e.type === 'circuit').map((e) => (e.type === 'circuit' ? e.state : '')),
    ).toEqual(['open', 'half-open', 'closed']);
  });

  it('turns a refused connection into a retryable NETWORK error', async () => {
    const { client, requests } = clientFor('http://127.0.0.1:9', { retry: { maxAttempts: 2 } });
    await expect(client.refreshToken('ROW_x')).rejects.toMatchObject({ kind: 'NETWORK', retryable: true });
    expect(requests).toHaveLength(2);
  });
});
