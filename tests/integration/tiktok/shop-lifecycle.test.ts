import { sql } from 'drizzle-orm';
import { connectTenant, control, startHarness, type Harness } from './harness';

/**
 * A connected shop's life: refusal for a second account, token rotation persisted encrypted (with a
 * compare-and-set so an older set never wins), health on the settings page, resync, the seller's
 * authorization expiring (type 7) and removed (type 6), and disconnecting by hand.
 */
let h: Harness;
let tenant: Awaited<ReturnType<typeof connectTenant>>['tenant'];
let shopRowId: string;
let tiktokShopId: string;

beforeAll(async () => {
  h = await startHarness();
  ({ tenant, shop: { id: shopRowId, tiktokShopId } } = await connectTenant(h, 'Lifecycle'));
});

afterAll(() => h?.close());

const db = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => h.app.db.asSystem((tx) => tx.execute<T>(query)).then((r) => r.rows);
const shopRow = async () =>
  (await db<{ account_id: string; status: string; access_token_enc: string | null; access_token_expires_at: string; authorization_expires_at: string | null }>(
    sql`select account_id, status, access_token_enc, access_token_expires_at, authorization_expires_at from public.tiktok_shops where id = ${shopRowId}`,
  ))[0]!;

test('a shop already connected to another account is refused and stays where it is', async () => {
  const other = await h.app.tenants.createTenant('Other Account');
  const { code } = await control<{ code: string }>(h.sim.url, 'POST', '/__sandbox/authorize', {});
  const result = await h.app.server.connectShopsWithCode({ accountId: other.accountId, code });
  expect(result.connected).toEqual([]);
  expect(result.refused).toEqual([{ tiktokShopId, name: expect.any(String) }]);
  expect((await shopRow()).account_id).toBe(tenant.accountId);
});

test('re-authorizing the same account updates the shop in place', async () => {
  const { code } = await control<{ code: string }>(h.sim.url, 'POST', '/__sandbox/authorize', {});
  const before = (await shopRow()).access_token_enc;
  const result = await h.app.server.connectShopsWithCode({ accountId: tenant.accountId, code });
  expect(result.connected).toEqual([expect.objectContaining({ id: shopRowId, created: false })]);
  expect((await shopRow()).access_token_enc).not.toBe(before);
});

test('an access token about to expire is refreshed and the new tokens are stored encrypted before use', async () => {
  // Our copy says the token is expiring: the client refreshes before calling (spec §2.3).
  await db(sql`update public.tiktok_shops set access_token_expires_at = now() + interval '1 minute' where id = ${shopRowId}`);
  const before = await shopRow();
  const refreshesBefore = h.sim.state.tokenRefreshes;
  const shop = (await h.app.server.loadShop(tenant.accountId, shopRowId))!;
  const warehouses = await h.app.server.openShopApi(shop).getWarehouses();
  expect(warehouses.length).toBeGreaterThan(0);
  const after = await shopRow();
  expect(after.access_token_enc).not.toBe(before.access_token_enc);
  expect(new Date(after.access_token_expires_at).getTime() - Date.now()).toBeGreaterThan(6 * 86_400_000);
  expect(h.sim.state.tokenRefreshes).toBe(refreshesBefore + 1);
});

test('the token store never replaces newer tokens with an older set (compare-and-set)', async () => {
  const key = h.app.server.tiktokAppConfig().encryptionKey;
  const store = h.app.server.createPostgresTokenStore({ shopRowId, encryptionKey: key });
  const current = await store.load();
  await store.save({ ...current, accessToken: 'OLDER', accessTokenExpiresAt: new Date(current.accessTokenExpiresAt.getTime() - 60_000) });
  expect((await store.load()).accessToken).toBe(current.accessToken);
  const newer = { ...current, accessToken: 'NEWER', refreshToken: 'NEWER_REFRESH', accessTokenExpiresAt: new Date(current.accessTokenExpiresAt.getTime() + 60_000) };
  await store.save(newer);
  expect(await store.load()).toMatchObject({ accessToken: 'NEWER', refreshToken: 'NEWER_REFRESH' });
  await store.save(current); // put the real tokens back (their expiry is older, so force it)
  await db(sql`update public.tiktok_shops set access_token_expires_at = ${current.accessTokenExpiresAt.toISOString()}::timestamptz - interval '1 day' where id = ${shopRowId}`);
  await store.save(current);
  expect((await store.load()).accessToken).toBe(current.accessToken);
});

test('a token store given the row just read answers its first load from it, and reads the table after that', async () => {
  const key = h.app.server.tiktokAppConfig().encryptionKey;
  const current = await h.app.server.createPostgresTokenStore({ shopRowId, encryptionKey: key }).load();
  const shop = await h.app.server.loadShop(tenant.accountId, shopRowId);
  const store = h.app.server.createPostgresTokenStore({ shopRowId, encryptionKey: key, loaded: shop! });
  // The stored row changes after the caller read it: the first load still answers from the read row.
  await db(sql`update public.tiktok_shops set status = 'disconnected' where id = ${shopRowId}`);
  try {
    expect((await store.load()).accessToken).toBe(current.accessToken);
    await expect(store.load()).rejects.toThrow('is not connected (status: disconnected)');
  } finally {
    await db(sql`update public.tiktok_shops set status = 'connected' where id = ${shopRowId}`);
  }
});

test('settings lists the shop with webhook health through RLS, and not for another account', async () => {
  await control(h.sim.url, 'POST', '/__sandbox/orders', { count: 2 });
  await h.sim.webhooksIdle();
  await h.app.server.syncRequestedOrders({ accountId: tenant.accountId, shopId: shopRowId });
  const [shop] = await h.app.server.listShops({ accountId: tenant.accountId, claims: tenant.claims });
  expect(shop).toMatchObject({ id: shopRowId, status: 'connected', circuit: 'closed', pendingOrderSyncs: 0 });
  const received = await db<{ event_type: string; status: string }>(
    sql`select event_type, status from public.webhook_events where external_ref = ${tiktokShopId} and account_id = ${tenant.accountId}`,
  );
  expect(shop!.webhooks.events24h).toBe(received.length);
  expect(received.filter((event) => event.event_type === 'ORDER_STATUS_CHANGE')).toHaveLength(6);
  expect(shop!.webhooks.successRate24h).toBe(1);
  expect(shop!.webhooks.avgProcessingMs24h).not.toBeNull();
  expect(shop!.webhooks.lastReceivedAt).not.toBeNull();
  const stranger = await h.app.tenants.createTenant('Stranger');
  expect(await h.app.server.listShops({ accountId: tenant.accountId, claims: stranger.claims })).toEqual([]);
});

test('a resync on demand queues the full catalog and every order; another account gets 404', async () => {
  await h.app.server.requestShopResync({ accountId: tenant.accountId, claims: tenant.claims }, shopRowId);
  const [job] = await db<{ full: string; then: string }>(
    sql`select data->>'full' as full, data->>'thenSyncOrders' as then from pgboss.job where name = 'tiktok.import-products' and data->>'shopId' = ${shopRowId} order by created_on desc limit 1`,
  );
  expect(job).toEqual({ full: 'true', then: 'full' });
  const stranger = await h.app.tenants.createTenant('Stranger Resync');
  await expect(h.app.server.requestShopResync({ accountId: stranger.accountId, claims: stranger.claims }, shopRowId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  const full = await h.app.server.reconcileShopOrders({ accountId: tenant.accountId, shopId: shopRowId, mode: 'full' }, { overlapSeconds: 600 });
  expect(full.since).toBeNull();
  expect(full.orders).toBeGreaterThanOrEqual(2);
});

test('type 7 records the authorization expiry, raises one alert and queues one email per shop and day', async () => {
  for (let i = 0; i < 2; i += 1) {
    await control(h.sim.url, 'POST', '/__sandbox/expire-soon', { shop_id: tiktokShopId, days: 20 });
    await h.sim.webhooksIdle();
  }
  const shop = await shopRow();
  const days = (new Date(shop.authorization_expires_at!).getTime() - Date.now()) / 86_400_000;
  expect(Math.round(days)).toBe(20);
  const alerts = await db<{ kind: string }>(sql`select kind from public.alerts where account_id = ${tenant.accountId} and resolved_at is null and kind = 'shop_authorization_expiring'`);
  expect(alerts).toHaveLength(1);
  const emails = await db<{ key: string }>(
    sql`select data->>'idempotencyKey' as key from pgboss.job where name = 'email.send-email' and data->>'template' = 'shop-authorization-expiring' and data->>'accountId' = ${tenant.accountId}`,
  );
  expect(new Set(emails.map((email) => email.key)).size).toBe(1);
  expect(emails[0]!.key).toContain(shopRowId);
});

test('type 6 (seller removed the app) disconnects the shop, wipes its tokens, alerts and stops reconciliation', async () => {
  await control(h.sim.url, 'POST', '/__sandbox/deauthorize', { shop_id: tiktokShopId });
  await h.sim.webhooksIdle();
  const shop = await shopRow();
  expect(shop).toMatchObject({ status: 'disconnected', access_token_enc: null });
  const alerts = await db<{ kind: string; severity: string }>(
    sql`select kind, severity from public.alerts where account_id = ${tenant.accountId} and resolved_at is null order by kind`,
  );
  expect(alerts).toEqual([{ kind: 'shop_disconnected', severity: 'critical' }]);
  expect(await h.app.server.getReconciliationSchedule(shopRowId)).toBeNull();
  // Later events for the shop are stored and acknowledged, but change nothing.
  const result = await h.app.server.syncRequestedOrders({ accountId: tenant.accountId, shopId: shopRowId });
  expect(result.fetched).toBe(0);
});

test('connecting again resolves the alerts; disconnecting by hand needs the account and stops the schedule', async () => {
  const { code } = await control<{ code: string }>(h.sim.url, 'POST', '/__sandbox/authorize', {});
  await h.app.server.connectShopsWithCode({ accountId: tenant.accountId, code });
  expect((await shopRow()).status).toBe('connected');
  const open = await db(sql`select 1 from public.alerts where account_id = ${tenant.accountId} and resolved_at is null and kind like 'shop_%'`);
  expect(open).toEqual([]);
  const stranger = await h.app.tenants.createTenant('Stranger Disconnect');
  await expect(h.app.server.disconnectShop({ accountId: stranger.accountId, claims: stranger.claims }, shopRowId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  await h.app.server.disconnectShop({ accountId: tenant.accountId, claims: tenant.claims }, shopRowId);
  expect(await shopRow()).toMatchObject({ status: 'disconnected', access_token_enc: null });
  expect(await h.app.server.getReconciliationSchedule(shopRowId)).toBeNull();
});
