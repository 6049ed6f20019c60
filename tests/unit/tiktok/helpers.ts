// Shared set-up for the TikTok tests: an in-process simulator, a client pointed at it, an in-memory
// TokenStore and a tiny webhook receiver. Not a test file itself (no .test suffix).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createTikTokClient, type TikTokClientConfig, type TokenSet, type TokenStore } from '@/lib/tiktok';
import { createTikTokShopSimulator, type TikTokShopSimulatorOptions } from '@/sandbox/tiktok-shop';

export const APP_KEY = 'test_app_key';
export const APP_SECRET = 'test_app_secret_123';

export function startSimulator(options: TikTokShopSimulatorOptions = {}) {
  return createTikTokShopSimulator({ appKey: APP_KEY, appSecret: APP_SECRET, ...options });
}

/** Client against the simulator with a recording fake sleep (no real waiting) and fixed jitter. */
export function clientFor(simUrl: string, overrides: Partial<TikTokClientConfig> = {}) {
  const sleeps: number[] = [];
  const requests: string[] = [];
  const client = createTikTokClient({
    appKey: APP_KEY,
    appSecret: APP_SECRET,
    apiBaseUrl: simUrl,
    authBaseUrl: simUrl,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    fetch: (input, init) => {
      requests.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
      return fetch(input, init);
    },
    ...overrides,
  });
  return { client, sleeps, requests };
}

export function memoryTokenStore(initial: TokenSet): TokenStore & { saved: TokenSet[]; current(): TokenSet } {
  let tokens = initial;
  const saved: TokenSet[] = [];
  return {
    saved,
    current: () => tokens,
    load: async () => tokens,
    save: async (next) => {
      tokens = next;
      saved.push(next);
    },
  };
}

export async function control<T = Record<string, unknown>>(
  simUrl: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
) {
  const response = await fetch(`${simUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as T;
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** Consent (control endpoint) → token exchange → authorized shops → shop-scoped API. */
export async function connectDemoShop(simUrl: string, client: ReturnType<typeof createTikTokClient>) {
  const { code } = await control<{ code: string }>(simUrl, 'POST', '/__sandbox/authorize', {});
  const tokens = await client.exchangeAuthCode(code);
  const [shop] = await client.getAuthorizedShops(tokens.accessToken);
  if (!shop) throw new Error('no authorized shop');
  const store = memoryTokenStore(tokens);
  return {
    tokens,
    store,
    shop,
    api: client.forShop({ shopId: shop.id, shopCipher: shop.cipher, tokens: store }),
  };
}

export interface ReceivedWebhook {
  rawBody: string;
  authorization: string | undefined;
}

/** A local webhook endpoint answering with `respond(n)` for the n-th request (0-based). */
export async function startWebhookReceiver(respond: (index: number) => number = () => 200, delayMs = 0) {
  const received: ReceivedWebhook[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const index = received.length;
      received.push({
        rawBody: Buffer.concat(chunks).toString('utf8'),
        authorization: req.headers.authorization,
      });
      setTimeout(() => {
        inFlight -= 1;
        res.writeHead(respond(index)).end();
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/webhooks/tiktok`,
    received,
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
