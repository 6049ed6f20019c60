// The simulator's gatekeeping, driven with hand-built requests (no client in between): the checks of
// spec §3.5/§11 in order, the consent redirect flow, and control-endpoint validation.
import { signRequest } from '@/lib/tiktok';
import { DEMO_SHOP_ID, type TikTokShopSimulator } from '@/sandbox/tiktok-shop';

import { APP_KEY, APP_SECRET, clientFor, control, startSimulator } from './helpers';

let sim: TikTokShopSimulator;
let accessToken: string;
let cipher: string;
beforeEach(async () => {
  sim = await startSimulator();
  const { code } = await control<{ code: string }>(sim.url, 'POST', '/__sandbox/authorize', {});
  accessToken = (await clientFor(sim.url).client.exchangeAuthCode(code)).accessToken;
  cipher = sim.state.shops.get(DEMO_SHOP_ID)!.cipher;
});
afterEach(() => sim.close());

interface RawRequest {
  method?: string;
  path: string;
  query?: Record<string, string>;
  body?: string;
  timestamp?: number;
  headers?: Record<string, string>;
  secret?: string;
}

async function raw({
  method = 'GET',
  path,
  query = {},
  body,
  timestamp,
  headers,
  secret = APP_SECRET,
}: RawRequest) {
  const params = {
    app_key: APP_KEY,
    timestamp: String(timestamp ?? Math.floor(Date.now() / 1000)),
    ...query,
  };
  const sign = signRequest({ appSecret: secret, path, query: params, body, contentType: 'application/json' });
  const response = await fetch(`${sim.url}${path}?${new URLSearchParams({ ...params, sign })}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-tts-access-token': accessToken, ...headers },
    body,
  });
  return {
    status: response.status,
    json: (await response.json()) as { code: number; message: string; request_id: string; data: unknown },
  };
}

describe('API host verification', () => {
  it('answers in the envelope with a TikTok-shaped request_id', async () => {
    const { status, json } = await raw({ path: '/authorization/202309/shops' });
    expect(status).toBe(200);
    expect(json).toMatchObject({
      code: 0,
      message: 'Success',
      data: { shops: [expect.objectContaining({ id: DEMO_SHOP_ID })] },
    });
    expect(json.request_id).toMatch(/^\d{14}[0-9A-F]{20}$/);
  });

  it('enforces the timestamp window of -300 s / +30 s', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await raw({ path: '/authorization/202309/shops', timestamp: now - 290 })).json.code).toBe(0);
    expect((await raw({ path: '/authorization/202309/shops', timestamp: now - 400 })).json.code).toBe(
      36009004,
    );
    expect((await raw({ path: '/authorization/202309/shops', timestamp: now + 60 })).json.code).toBe(
      36009004,
    );
  });

  it('rejects a body that differs from the signed one with 106001 / HTTP 401', async () => {
    const path = '/order/202309/orders/search';
    const query = { shop_cipher: cipher, page_size: '10' };
    const params = { app_key: APP_KEY, timestamp: String(Math.floor(Date.now() / 1000)), ...query };
    const sign = signRequest({
      appSecret: APP_SECRET,
      path,
      query: params,
      body: '{"order_status":"UNPAID"}',
    });
    const response = await fetch(`${sim.url}${path}?${new URLSearchParams({ ...params, sign })}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tts-access-token': accessToken },
      body: '{"order_status": "UNPAID"}',
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 106001, data: null });
  });

  it('applies the shop_cipher rules: refused on /authorization, required on shop APIs, legacy shop_id refused', async () => {
    expect(
      (await raw({ path: '/authorization/202309/shops', query: { shop_cipher: cipher } })).json,
    ).toMatchObject({ code: 36009004, message: expect.stringContaining('Unexpected identifier') });
    expect(
      (await raw({ method: 'POST', path: '/order/202309/orders/search', query: { page_size: '10' } })).json
        .code,
    ).toBe(106013);
    expect(
      (
        await raw({
          method: 'POST',
          path: '/order/202309/orders/search',
          query: { page_size: '10', shop_cipher: cipher, shop_id: DEMO_SHOP_ID },
        })
      ).json.code,
    ).toBe(36009004);
    expect(
      (
        await raw({
          method: 'POST',
          path: '/order/202309/orders/search',
          query: { page_size: '10', shop_cipher: cipher },
        })
      ).json.code,
    ).toBe(0);
  });

  it('requires content-type, a known path and the right method', async () => {
    expect(
      (await raw({ path: '/authorization/202309/shops', headers: { 'content-type': '' } })).json.code,
    ).toBe(36009004);
    expect(await raw({ path: '/order/202309/nope' })).toMatchObject({
      status: 404,
      json: { code: 36009009 },
    });
    expect(await raw({ method: 'POST', path: '/authorization/202309/shops' })).toMatchObject({
      status: 405,
      json: { code: 36009010 },
    });
  });

  it('validates paging and filters with 36009004', async () => {
    const search = (query: Record<string, string>, body = '{}') =>
      raw({
        method: 'POST',
        path: '/order/202309/orders/search',
        query: { shop_cipher: cipher, ...query },
        body,
      });
    expect((await search({})).json.message).toContain('page_size');
    expect((await search({ page_size: '101' })).json.code).toBe(36009004);
    expect((await search({ page_size: '10', page_token: 'bm9wZQ==' })).json.code).toBe(36009004);
    expect((await search({ page_size: '10' }, '{"order_status":"SHIPPED"}')).json.code).toBe(36009004);
    expect((await search({ page_size: '10' }, 'not json')).json.code).toBe(36009022);
  });
});

describe('Batch Ship Packages', () => {
  const USPS = '7117858858072016686';
  const ship = (body: string) =>
    raw({ method: 'POST', path: '/fulfillment/202309/packages/ship', query: { shop_cipher: cipher }, body });
  const entry = (id: string, trackingNumber: string) => ({
    id,
    self_shipment: { tracking_number: trackingNumber, shipping_provider_id: USPS },
  });

  it('refuses a malformed body as a whole (36009004, HTTP 400, data null) and ships nothing', async () => {
    const { order_ids: ids } = await control<{ order_ids: string[] }>(sim.url, 'POST', '/__sandbox/orders', {
      count: 1,
    });
    const packageId = sim.state.orders.get(ids[0]!)!.packageId;
    const tooMany = Array.from({ length: 51 }, (_, n) =>
      entry(packageId, `TRK${String(n).padStart(8, '0')}`),
    );
    const malformed = [
      '{}',
      '{"packages":[]}',
      JSON.stringify({ packages: [{ id: packageId }] }),
      JSON.stringify({ packages: [{ self_shipment: entry(packageId, 'TRK00000001').self_shipment }] }),
      JSON.stringify({ packages: [{ ...entry(packageId, 'TRK00000001'), handover_method: 'TELEPORT' }] }),
      JSON.stringify({ packages: tooMany }),
    ];
    for (const body of malformed) {
      const { status, json } = await ship(body);
      expect({ body, status, code: json.code, data: json.data }).toEqual({
        body,
        status: 400,
        code: 36009004,
        data: null,
      });
    }
    expect((await ship(JSON.stringify({ packages: tooMany }))).json.message).toContain('at most 50 packages');
    expect((await ship('not json')).json.code).toBe(36009022);
    expect(sim.state.trackingPushes).toEqual([]);
    expect(sim.state.orders.get(ids[0]!)!.status).toBe('AWAITING_SHIPMENT');
  });

  it('answers refusals per package: HTTP 200, code 0, data.errors[{code, message, detail{package_id}}]', async () => {
    const { order_ids: ids } = await control<{ order_ids: string[] }>(sim.url, 'POST', '/__sandbox/orders', {
      count: 1,
    });
    const packageId = sim.state.orders.get(ids[0]!)!.packageId;
    const { status, json } = await ship(
      JSON.stringify({
        packages: [entry(packageId, 'TRK00000001'), entry('1100000000000000001', 'TRK00000002')],
      }),
    );
    expect(status).toBe(200);
    expect(json).toMatchObject({
      code: 0,
      data: {
        errors: [
          {
            code: 36009004,
            message: expect.stringContaining('does not exist'),
            detail: { package_id: '1100000000000000001' },
          },
        ],
      },
    });
    expect(sim.state.trackingPushes.map((push) => push.packageId)).toEqual([packageId]);
    expect((await ship(JSON.stringify({ packages: [entry(packageId, 'TRK00000003')] }))).json).toMatchObject({
      code: 0,
      data: { errors: [{ code: 21011040, detail: { package_id: packageId } }] },
    });
  });
});

describe('consent flow', () => {
  it('serves a consent page and redirects with code and state on approve, auth_denied on reject', async () => {
    const page = await fetch(
      `${sim.url}/oauth/authorize?app_key=${APP_KEY}&state=${encodeURIComponent('<csrf>')}`,
    );
    const html = await page.text();
    expect(html).toContain('CreatorFlow Demo Seller');
    expect(html).toContain('&#60;csrf&#62;');
    expect(html).not.toContain('<csrf>');

    const form = (decision: string) =>
      fetch(`${sim.url}/oauth/authorize`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          app_key: APP_KEY,
          state: 's1',
          redirect_uri: 'http://127.0.0.1:3000/api/tiktok/callback',
          decision,
        }),
      });
    const approved = new URL((await form('approve')).headers.get('location')!);
    expect(approved.pathname).toBe('/api/tiktok/callback');
    expect(approved.searchParams.get('state')).toBe('s1');
    const tokens = await clientFor(sim.url).client.exchangeAuthCode(approved.searchParams.get('code')!);
    expect(tokens.sellerName).toBe('CreatorFlow Demo Seller');

    const rejected = new URL((await form('reject')).headers.get('location')!);
    expect(Object.fromEntries(rejected.searchParams)).toEqual({
      code: 'null',
      error: 'auth_denied',
      state: 's1',
    });
    expect((await fetch(`${sim.url}/oauth/authorize?app_key=wrong`)).status).toBe(400);
  });

  it('expires consent codes after 30 minutes', async () => {
    const { code } = await control<{ code: string }>(sim.url, 'POST', '/__sandbox/authorize', {});
    await control(sim.url, 'POST', '/__sandbox/clock', { advanceSeconds: 31 * 60 });
    const client = clientFor(sim.url, { now: () => Date.now() + 31 * 60_000 }).client;
    await expect(client.exchangeAuthCode(code)).rejects.toMatchObject({ kind: 'INVALID_GRANT' });
  });
});

describe('control endpoints', () => {
  it('validates input and reports unknown ids and wrong states', async () => {
    await expect(control(sim.url, 'POST', '/__sandbox/orders', { count: 0 })).rejects.toThrow(/400/);
    await expect(control(sim.url, 'POST', '/__sandbox/orders', { count: 1, sku_id: '1' })).rejects.toThrow(
      /404/,
    );
    await expect(control(sim.url, 'POST', '/__sandbox/faults', { rate429: 2 })).rejects.toThrow(/400/);
    await expect(control(sim.url, 'POST', '/__sandbox/orders/1/cancel', {})).rejects.toThrow(/404/);
  });

  it('resets to the seed: orders, tokens and clock are gone', async () => {
    await control(sim.url, 'POST', '/__sandbox/orders', { count: 2 });
    await control(sim.url, 'POST', '/__sandbox/clock', { offsetSeconds: 3600 });
    await control(sim.url, 'POST', '/__sandbox/reset');
    const state = await control<{
      orders: { total: number };
      clock_offset_seconds: number;
      products: { skus: { inventory: { quantity: number }[] }[] }[];
    }>(sim.url, 'GET', '/__sandbox/state');
    expect(state.orders.total).toBe(0);
    expect(state.clock_offset_seconds).toBe(0);
    expect(state.products[0]!.skus[0]!.inventory[0]!.quantity).toBe(240);
    expect((await raw({ path: '/authorization/202309/shops' })).json.code).toBe(36009004);
  });
});
