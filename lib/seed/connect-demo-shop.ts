import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { asSystem, closeDb, tables } from '@/lib/db';
import { env } from '@/lib/env';
import { stopQueueRuntime } from '@/lib/queue/runtime';
import { connectShopsWithCode, importShopProducts } from '@/lib/tiktok/server';
import { DEMO_USERS } from './demo-users';

const DEMO_EMAIL = DEMO_USERS[0].email;

type SimulatorShop = { id: string; name: string; authorized: boolean };

export type ConnectDemoShopResult =
  | { outcome: 'already_connected'; shops: string[] }
  | { outcome: 'connected'; shops: string[]; products: number; refused: string[] }
  | { outcome: 'skipped'; reason: string };

/**
 * Connects the demo account to the TikTok Shop simulator's demo seller FOR REAL: the seller consents
 * (POST /__sandbox/authorize, what the consent page's Approve does), then the same code exchange and
 * shop upsert the OAuth callback uses, then the catalog import. Idempotent: when the simulator still
 * knows the authorization and the shop is connected here, nothing happens. The simulator keeps its
 * state in memory, so after it restarts the shop is authorized again (fresh tokens, same shop row).
 */
export async function connectDemoShop(input: { simulatorUrl: string }): Promise<ConnectDemoShopResult> {
  const accountId = await demoAccountId();
  if (!accountId) return { outcome: 'skipped', reason: `${DEMO_EMAIL} has no account (seed first)` };
  const state = await control<{ shops: SimulatorShop[] }>(input.simulatorUrl, 'GET', '/__sandbox/state');
  const simulated = new Map(state.shops.map((shop) => [shop.id, shop]));
  const s = tables.tiktokShops;
  const ours = await asSystem((tx) =>
    tx.select({ shopId: s.shopId, name: s.name }).from(s).where(and(eq(s.accountId, accountId), eq(s.status, 'connected'))),
  );
  const live = ours.filter((shop) => simulated.get(shop.shopId)?.authorized);
  if (live.length > 0 && live.length === ours.length) return { outcome: 'already_connected', shops: live.map((shop) => shop.name) };

  const { code } = await control<{ code: string }>(input.simulatorUrl, 'POST', '/__sandbox/authorize', {});
  const result = await connectShopsWithCode({ accountId, code });
  let products = 0;
  for (const shop of result.connected) {
    products += (await importShopProducts({ accountId, shopId: shop.id, full: true })).products;
  }
  return {
    outcome: 'connected',
    shops: result.connected.map((shop) => shop.name),
    products,
    refused: result.refused.map((shop) => shop.name),
  };
}

async function demoAccountId(): Promise<string | null> {
  const result = await asSystem((tx) =>
    tx.execute<{ account_id: string | null }>(sql`
      select p.default_account_id as account_id
      from auth.users u join public.profiles p on p.id = u.id
      where lower(u.email) = ${DEMO_EMAIL}`),
  );
  return result.rows[0]?.account_id ?? null;
}

async function control<T>(baseUrl: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl.replace(/\/$/, '')}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`simulator ${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Entry point for scripts/lib/stack.ts (a child process): connect, print one line, release everything. */
export async function runConnectDemoShop(): Promise<void> {
  try {
    const result = await connectDemoShop({ simulatorUrl: env.TIKTOK_API_BASE_URL });
    if (result.outcome === 'connected') {
      console.log(`connected ${result.shops.join(', ')} to ${DEMO_EMAIL} (${result.products} products imported)`);
      if (result.refused.length) console.log(`not connected (owned by another account): ${result.refused.join(', ')}`);
    } else if (result.outcome === 'already_connected') {
      console.log(`${result.shops.join(', ')} already connected to ${DEMO_EMAIL}`);
    } else {
      console.log(`demo shop not connected: ${result.reason}`);
    }
  } finally {
    await stopQueueRuntime();
    await closeDb();
  }
}
