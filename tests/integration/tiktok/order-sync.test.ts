import { sql } from 'drizzle-orm';
import { resetCircuitBreakers } from '@/lib/tiktok';
import { connectTenant, control, setSimulatorClient, startHarness, type Harness, type SimOrderView } from './harness';

/**
 * TikTok orders end to end against the simulator: its signed webhooks go through the real route, the
 * webhook job records what to fetch, the per-shop sync job fetches details in batches of ≤ 50 and
 * ingestion stores them. Reconciliation brings in orders whose webhooks were dropped.
 */
let h: Harness;
let accountId: string;
let shopRowId: string;
let tiktokShopId: string;
const detailCalls: string[] = [];
/** Runs inside a Get Order Detail call, before TikTok answers (to interleave a webhook with a fetch). */
let duringDetailCall: (() => Promise<void>) | undefined;

beforeAll(async () => {
  h = await startHarness();
  ({ tenant: { accountId }, shop: { id: shopRowId, tiktokShopId } } = await connectTenant(h, 'Order Sync'));
  // Count Get Order Detail calls: the coalescing promise is "few detail calls for a burst".
  await setSimulatorClient(h, {
    fetch: (input, init) => {
      const url = new URL(String(input));
      if (url.pathname !== '/order/202309/orders') return fetch(input, init);
      detailCalls.push(url.searchParams.get('ids') ?? '');
      const hook = duringDetailCall;
      duringDetailCall = undefined;
      return (hook ? hook() : Promise.resolve()).then(() => fetch(input, init));
    },
  });
  await h.app.server.importShopProducts({ accountId, shopId: shopRowId, full: true });
});

afterAll(() => h?.close());

const db = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => h.app.db.asSystem((tx) => tx.execute<T>(query)).then((r) => r.rows);

async function createSimOrders(count: number, extra: Record<string, unknown> = {}): Promise<string[]> {
  const { order_ids } = await control<{ order_ids: string[] }>(h.sim.url, 'POST', '/__sandbox/orders', { count, ...extra });
  await h.sim.webhooksIdle();
  return order_ids;
}

const storedOrders = (ids: string[]) =>
  db<{ id: string; tiktok_order_id: string; order_status: string; total_cents: number; subtotal_cents: number; tax_cents: number; shipping_fee_cents: number; recipient: Record<string, string> | null; buyer_email: string | null; package_id: string | null; delivery_option_id: string | null; dispatch_deadline: string | null }>(
    sql`select id, tiktok_order_id, order_status, total_cents, subtotal_cents, tax_cents, shipping_fee_cents, recipient, buyer_email, package_id, delivery_option_id, dispatch_deadline
        from public.orders where shop_id = ${shopRowId} and tiktok_order_id in ${ids} order by tiktok_order_id`,
  );

const cents = (amount: string | undefined) => Math.round(Number(amount) * 100);

test('connecting stores the shop with encrypted tokens, its cipher, and a reconciliation schedule', async () => {
  const [shop] = await db<{ shop_cipher: string; name: string; region: string; access_token_enc: string; refresh_token_enc: string; status: string }>(
    sql`select shop_cipher, name, region, access_token_enc, refresh_token_enc, status from public.tiktok_shops where id = ${shopRowId}`,
  );
  const simShop = h.sim.state.shops.get(tiktokShopId)!;
  expect(shop).toMatchObject({ shop_cipher: simShop.cipher, name: simShop.name, region: 'US', status: 'connected' });
  expect(shop!.access_token_enc).toMatch(/^v1:[^:]+:[^:]+:[^:]+$/);
  const issued = [...h.sim.state.accessTokens.keys()];
  expect(issued.some((token) => shop!.access_token_enc.includes(token) || shop!.refresh_token_enc.includes(token))).toBe(false);
  expect(await h.app.server.getReconciliationSchedule(shopRowId)).toMatchObject({ cron: expect.stringMatching(/^FREQ=SECONDLY;INTERVAL=\d+$/) });
});

test('the catalog import stores products, SKUs with warehouses, and opening stock with a sync movement', async () => {
  const [counts] = await db<{ products: number; skus: number; levels: number; movements: number }>(sql`
    select (select count(*) from public.products where shop_id = ${shopRowId})::int as products,
      (select count(*) from public.skus where shop_id = ${shopRowId} and array_length(warehouse_ids, 1) = 1)::int as skus,
      (select count(*) from public.inventory_levels l join public.skus s on s.id = l.sku_id where s.shop_id = ${shopRowId})::int as levels,
      (select count(*) from public.inventory_movements m join public.skus s on s.id = m.sku_id where s.shop_id = ${shopRowId} and m.kind = 'sync')::int as movements`);
  const simProducts = [...h.sim.state.products.values()].filter((p) => p.shopId === tiktokShopId);
  const simSkus = simProducts.flatMap((p) => p.skus);
  expect(counts).toEqual({ products: simProducts.length, skus: simSkus.length, levels: simSkus.length, movements: simSkus.length });
  const glow = simSkus.find((sku) => sku.sellerSku === 'GLOW-30ML')!;
  const [level] = await db<{ on_hand: number; price_cents: number }>(
    sql`select l.on_hand, s.price_cents from public.inventory_levels l join public.skus s on s.id = l.sku_id where s.tiktok_sku_id = ${glow.id}`,
  );
  expect(level).toEqual({ on_hand: [...glow.inventory.values()][0], price_cents: glow.priceCents });
});

test('webhooks → coalesced detail fetches → orders with correct items, amounts and addresses', async () => {
  detailCalls.length = 0;
  const ids = await createSimOrders(60);
  expect(h.deliveries.filter((d) => d.status !== 200)).toEqual([]);
  const synced = await h.app.server.syncRequestedOrders({ accountId, shopId: shopRowId });
  expect(synced).toMatchObject({ created: 60, missing: 0 });
  // 180 webhooks (UNPAID, ON_HOLD, AWAITING_SHIPMENT per order) became two detail calls of ≤ 50 ids.
  expect(detailCalls).toHaveLength(2);
  expect(detailCalls.every((ids) => ids.split(',').length <= 50)).toBe(true);

  const stored = await storedOrders(ids);
  expect(stored).toHaveLength(60);
  for (const row of stored) {
    const { order } = await control<{ order: SimOrderView }>(h.sim.url, 'GET', `/__sandbox/orders/${row.tiktok_order_id}`);
    expect(row).toMatchObject({
      order_status: 'AWAITING_SHIPMENT',
      total_cents: cents(order.payment.total_amount),
      subtotal_cents: cents(order.payment.sub_total),
      tax_cents: cents(order.payment.tax),
      shipping_fee_cents: cents(order.payment.shipping_fee),
      buyer_email: order.buyer_email,
      package_id: order.packages[0]!.id,
      delivery_option_id: order.delivery_option_id,
    });
    expect(new Date(row.dispatch_deadline!)).toEqual(new Date(order.rts_sla_time * 1000));
    expect(row.recipient).toMatchObject({
      name: order.recipient_address.name,
      addressLine1: order.recipient_address.address_line1,
      postalCode: order.recipient_address.postal_code,
      city: order.recipient_address.district_info[3]!.address_name,
      country: 'US',
    });
    const items = await db<{ tiktok_sku_id: string; quantity: number; line_item_ids: string[]; sku_id: string | null }>(
      sql`select tiktok_sku_id, quantity, line_item_ids, sku_id from public.order_items where order_id = ${row.id}`,
    );
    const lines = order.line_items as { id: string; sku_id: string }[];
    expect(items).toHaveLength(new Set(lines.map((line) => line.sku_id)).size);
    for (const item of items) {
      expect(item.sku_id).not.toBeNull();
      expect(item.line_item_ids.sort()).toEqual(lines.filter((line) => line.sku_id === item.tiktok_sku_id).map((line) => line.id).sort());
      expect(item.quantity).toBe(item.line_item_ids.length);
    }
  }
  const [events] = await db<{ pending: number; processed: number; with_time: number }>(sql`
    select count(*) filter (where status = 'pending')::int as pending,
      count(*) filter (where status = 'processed')::int as processed,
      count(*) filter (where status = 'processed' and processing_ms is not null)::int as with_time
    from public.webhook_events where provider = 'tiktok' and external_ref = ${tiktokShopId}`);
  expect(events).toEqual({ pending: 0, processed: 180, with_time: 180 });
});

test('an order re-requested while its fetch is in flight is fetched again, not lost', async () => {
  const [id] = await createSimOrders(1);
  duringDetailCall = async () => {
    // A webhook lands while TikTok is being asked: its request must outlive the running batch.
    await h.app.db.asSystem(async (tx) => {
      const { requestOrderSync } = await import('@/lib/tiktok/sync/request-order-sync');
      await requestOrderSync(tx, { accountId, shopId: shopRowId }, [id!], null);
    });
  };
  detailCalls.length = 0;
  const result = await h.app.server.syncRequestedOrders({ accountId, shopId: shopRowId });
  expect(detailCalls).toHaveLength(2);
  expect(result).toMatchObject({ batches: 2, created: 1 });
  const [left] = await db<{ n: number }>(sql`select count(*)::int as n from public.tiktok_order_sync_requests where shop_id = ${shopRowId}`);
  expect(left!.n).toBe(0);
});

test('a failed detail call gives the claims back and the job retries them', async () => {
  const [id] = await createSimOrders(1);
  // Five 5xx answers in a row: every retry of the call fails (and the shop's circuit opens).
  await control(h.sim.url, 'POST', '/__sandbox/faults', { rate5xx: { count: 5 } });
  try {
    await expect(h.app.server.syncRequestedOrders({ accountId, shopId: shopRowId })).rejects.toMatchObject({ kind: 'INTERNAL' });
  } finally {
    await control(h.sim.url, 'POST', '/__sandbox/faults', {});
    resetCircuitBreakers();
  }
  const [request] = await db<{ claimed_until: string | null }>(sql`select claimed_until from public.tiktok_order_sync_requests where tiktok_order_id = ${id!}`);
  expect(request).toEqual({ claimed_until: null });
  await h.app.server.syncRequestedOrders({ accountId, shopId: shopRowId });
  expect(await storedOrders([id!])).toHaveLength(1);
});

test('a status event older than the stored order is settled without a detail call', async () => {
  const [id] = await createSimOrders(1);
  await h.app.server.syncRequestedOrders({ accountId, shopId: shopRowId });
  detailCalls.length = 0;
  const body = JSON.stringify({ type: 1, tts_notification_id: `stale-${id}`, shop_id: tiktokShopId, timestamp: 1, data: { order_id: id, order_status: 'UNPAID', update_time: 1 } });
  const { computeWebhookSignature } = await import('@/lib/tiktok');
  const response = await h.app.route.POST(
    new Request('http://localhost/api/webhooks/tiktok', { method: 'POST', headers: { authorization: computeWebhookSignature('cf_local_app_key', 'cf_local_app_secret', body) }, body }),
  );
  expect(response.status).toBe(200);
  // The route applied it in the transaction that stored it: settled at once, nothing requested.
  const [event] = await db<{ id: string; status: string; error: string }>(sql`select id, status, error from public.webhook_events where provider_event_id = ${`stale-${id}`}`);
  expect(event).toMatchObject({ status: 'processed', error: 'a newer state of the order is already stored' });
  expect(await h.app.server.processTikTokWebhookEvent(event!.id)).toBe('already_done');
  await h.app.server.syncRequestedOrders({ accountId, shopId: shopRowId });
  expect(detailCalls).toEqual([]);
  expect((await storedOrders([id!]))[0]!.order_status).toBe('AWAITING_SHIPMENT');
});

test('a cancellation (types 11 and 1) updates the order and hands it to the workflow', async () => {
  const [id] = await createSimOrders(1);
  await h.app.server.syncRequestedOrders({ accountId, shopId: shopRowId });
  await control(h.sim.url, 'POST', `/__sandbox/orders/${id}/cancel`, { reason: 'Buyer changed mind', role: 'BUYER' });
  await h.sim.webhooksIdle();
  await h.app.server.syncRequestedOrders({ accountId, shopId: shopRowId });
  const [order] = await storedOrders([id!]);
  expect(order!.order_status).toBe('CANCELLED');
  const jobs = await db<{ reason: string }>(sql`select data->>'reason' as reason from pgboss.job where name = 'orders.advance-order' and data->>'orderId' = ${order!.id} order by created_on`);
  expect(jobs.map((job) => job.reason)).toContain('tiktok_status:CANCELLED');
  const types = await db<{ event_type: string; status: string }>(
    sql`select event_type, status from public.webhook_events where external_ref = ${tiktokShopId} and payload->'data'->>'order_id' = ${id!} and event_type = 'CANCELLATION_STATUS_CHANGE'`,
  );
  expect(types).toEqual([{ event_type: 'CANCELLATION_STATUS_CHANGE', status: 'processed' }]);
});

test('reconciliation recovers orders whose webhooks were all dropped, and advances last_synced_at', async () => {
  await control(h.sim.url, 'POST', '/__sandbox/faults', { dropWebhooks: 1 });
  const before = h.deliveries.length;
  const ids = await createSimOrders(7);
  await control(h.sim.url, 'POST', '/__sandbox/faults', {});
  expect(h.deliveries.length).toBe(before);
  expect(await storedOrders(ids)).toEqual([]);

  const lastSynced = async () => {
    const [shop] = await db<{ last_synced_at: string | null }>(sql`select last_synced_at from public.tiktok_shops where id = ${shopRowId}`);
    return shop?.last_synced_at ? new Date(shop.last_synced_at).getTime() : 0;
  };
  const previous = await lastSynced();
  const result = await h.app.server.reconcileShopOrders({ accountId, shopId: shopRowId, mode: 'incremental' }, { overlapSeconds: 600 });
  expect(result.created).toBe(7);
  const stored = await storedOrders(ids);
  expect(stored.map((order) => order.order_status)).toEqual(ids.map(() => 'AWAITING_SHIPMENT'));
  expect(stored.every((order) => order.recipient !== null)).toBe(true);
  expect(await lastSynced()).toBeGreaterThan(previous);

  const again = await h.app.server.reconcileShopOrders({ accountId, shopId: shopRowId, mode: 'incremental' }, { overlapSeconds: 600 });
  expect(again.created).toBe(0);
});

test('a fetch request left without its sync job (the process stopped after commit) is scheduled by the catch-up poll', async () => {
  const stranded = `stranded-${Date.now()}`;
  await db(sql`insert into public.tiktok_order_sync_requests (shop_id, tiktok_order_id, account_id, event_ids, requested_at)
    values (${shopRowId}, ${stranded}, ${accountId}, '{}', clock_timestamp() - interval '5 minutes')`);
  const [{ since }] = (await db<{ since: string }>(sql`select clock_timestamp()::text as since`)) as [{ since: string }];
  await db(sql`delete from pgboss.job where name = 'tiktok.sync-orders' and data->>'shopId' = ${shopRowId} and state in ('created', 'retry')`);
  try {
    await h.app.server.reconcileShopOrders({ accountId, shopId: shopRowId, mode: 'incremental' }, { overlapSeconds: 600 });
    const jobs = await db<{ n: number }>(
      sql`select count(*)::int as n from pgboss.job where name = 'tiktok.sync-orders' and data->>'shopId' = ${shopRowId} and created_on >= ${since}::timestamptz`,
    );
    expect(jobs[0]!.n).toBeGreaterThanOrEqual(1);
  } finally {
    await db(sql`delete from public.tiktok_order_sync_requests where shop_id = ${shopRowId} and tiktok_order_id = ${stranded}`);
  }
});

test('a fetch claim is a lease: 30 s from the claim, renewed while the job works, not for a newer request', async () => {
  const { claimOrderRequests, renewOrderRequests, releaseOrderRequests, CLAIM_LEASE_SECONDS } = await import('@/lib/tiktok/sync/claim-order-requests');
  const leased = `leased-${Date.now()}`;
  await db(sql`insert into public.tiktok_order_sync_requests (shop_id, tiktok_order_id, account_id, event_ids, requested_at)
    values (${shopRowId}, ${leased}, ${accountId}, '{}', clock_timestamp() - interval '1 hour')`);
  const leaseLeft = async () =>
    (await db<{ s: number | null }>(sql`select extract(epoch from claimed_until - clock_timestamp())::float as s
      from public.tiktok_order_sync_requests where shop_id = ${shopRowId} and tiktok_order_id = ${leased}`))[0]!.s;
  const claimed = await claimOrderRequests(shopRowId);
  try {
    const mine = claimed.filter((request) => request.tiktokOrderId === leased);
    expect(mine).toHaveLength(1);
    expect(await leaseLeft()).toBeGreaterThan(CLAIM_LEASE_SECONDS - 5);
    expect(await leaseLeft()).toBeLessThanOrEqual(CLAIM_LEASE_SECONDS);
    // Nearly run out, then renewed by the working job.
    await db(sql`update public.tiktok_order_sync_requests set claimed_until = clock_timestamp() + interval '1 second' where tiktok_order_id = ${leased}`);
    await renewOrderRequests(shopRowId, mine);
    expect(await leaseLeft()).toBeGreaterThan(CLAIM_LEASE_SECONDS - 5);
    // A newer event re-requested the order (claim cleared, new version): the old job's renewal leaves it alone.
    await db(sql`update public.tiktok_order_sync_requests set claimed_until = null, requested_at = clock_timestamp() where tiktok_order_id = ${leased}`);
    await renewOrderRequests(shopRowId, mine);
    expect(await leaseLeft()).toBeNull();
  } finally {
    await releaseOrderRequests(shopRowId, claimed);
    await db(sql`delete from public.tiktok_order_sync_requests where shop_id = ${shopRowId} and tiktok_order_id = ${leased}`);
  }
});

test('a claim takes at most 50 requests whatever the planner believes about the table', async () => {
  const { claimOrderRequests, releaseOrderRequests } = await import('@/lib/tiktok/sync/claim-order-requests');
  // Statistics taken when a burst had been synced (pages on disk, no live rows): the planner then
  // expects one row, the shape in which a joined, row-locking LIMIT subquery ran once per row.
  const prefix = `burst-${Date.now()}`;
  await db(sql`insert into public.tiktok_order_sync_requests (shop_id, tiktok_order_id, account_id, event_ids, requested_at)
    select ${shopRowId}, ${prefix} || '-old-' || n, ${accountId}, '{}', clock_timestamp() from generate_series(1, 1000) n`);
  await db(sql`delete from public.tiktok_order_sync_requests where shop_id = ${shopRowId}`);
  await db(sql`analyze public.tiktok_order_sync_requests`);
  await db(sql`insert into public.tiktok_order_sync_requests (shop_id, tiktok_order_id, account_id, event_ids, requested_at)
    select ${shopRowId}, ${prefix} || '-' || n, ${accountId}, '{}', clock_timestamp() - make_interval(secs => 1000 - n)
    from generate_series(1, 300) n`);
  const claimed = await claimOrderRequests(shopRowId);
  try {
    expect(claimed).toHaveLength(50);
    // The oldest 50, and only they carry a lease.
    expect(claimed.map((request) => request.tiktokOrderId).sort()).toEqual(Array.from({ length: 50 }, (_, i) => `${prefix}-${i + 1}`).sort());
    const [leased] = await db<{ n: number }>(sql`select count(*)::int as n from public.tiktok_order_sync_requests
      where shop_id = ${shopRowId} and claimed_until is not null`);
    expect(leased!.n).toBe(50);
  } finally {
    await releaseOrderRequests(shopRowId, claimed);
    await db(sql`delete from public.tiktok_order_sync_requests where shop_id = ${shopRowId} and tiktok_order_id like ${`${prefix}-%`}`);
  }
});
