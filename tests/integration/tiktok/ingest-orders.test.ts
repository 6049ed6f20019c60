import { sql } from 'drizzle-orm';
import { asSystem, closeDb } from '@/lib/db';
import { upsertTikTokOrders } from '@/lib/orders/ingest';
import { stopQueueRuntime } from '@/lib/queue/runtime';
import { createCatalogItem, createShop } from '@/tests/factories/commerce';
import { createTenant } from '@/tests/factories/tenants';
import { tiktokOrder } from '@/tests/unit/ingest/fixtures';

/**
 * lib/orders/ingest against Postgres: idempotent upserts, SKU aggregation, stale-event protection,
 * history rows, and the workflow's job committed in the same transaction as the order.
 */
let accountId: string;
let shopId: string;
let knownSkuId: string;

beforeAll(async () => {
  accountId = (await createTenant('Ingest')).accountId;
  const shop = await createShop(accountId);
  shopId = shop.id;
  const { sku } = await createCatalogItem(accountId, { shop, sku: { tiktokSkuId: '1729593120470000001', sellerSku: 'GLOW-30ML' } });
  knownSkuId = sku.id;
});

afterAll(async () => {
  await stopQueueRuntime();
  await closeDb();
});

let sequence = 0;
const newOrderId = () => `5764614130${Date.now().toString().slice(-6)}${String((sequence += 1)).padStart(2, '0')}`;
const ingest = (orders: ReturnType<typeof tiktokOrder>[], source: 'webhook' | 'poll' = 'webhook') =>
  asSystem((tx) => upsertTikTokOrders(tx, { accountId, shopId, orders, source }));

async function orderRow(tiktokOrderId: string) {
  const result = await asSystem((tx) =>
    tx.execute<{ id: string; order_status: string; tiktok_update_time: string; total_cents: number; recipient: { city: string } | null; workflow_status: string }>(
      sql`select id, order_status, tiktok_update_time, total_cents, recipient, workflow_status from public.orders where shop_id = ${shopId} and tiktok_order_id = ${tiktokOrderId}`,
    ),
  );
  return result.rows;
}

async function itemsOf(orderId: string) {
  const result = await asSystem((tx) =>
    tx.execute<{ tiktok_sku_id: string; sku_id: string | null; quantity: number; unit_price_cents: number; line_item_ids: string[] }>(
      sql`select tiktok_sku_id, sku_id, quantity, unit_price_cents, line_item_ids from public.order_items where order_id = ${orderId} order by tiktok_sku_id`,
    ),
  );
  return result.rows;
}

const historyOf = async (orderId: string) =>
  (
    await asSystem((tx) =>
      tx.execute<{ from_order_status: string | null; to_order_status: string; source: string }>(
        sql`select from_order_status, to_order_status, source from public.order_status_history where order_id = ${orderId} order by created_at, id`,
      ),
    )
  ).rows;

const advanceJobsFor = async (orderId: string) =>
  (
    await asSystem((tx) =>
      tx.execute<{ priority: number; reason: string }>(
        sql`select priority, data->>'reason' as reason from pgboss.job where name = 'orders.advance-order' and data->>'orderId' = ${orderId} order by created_on`,
      ),
    )
  ).rows;

test('a new order is stored with its items aggregated per SKU, a history row and an advance-order job', async () => {
  const id = newOrderId();
  const result = await ingest([tiktokOrder({ id })]);
  expect(result.created).toHaveLength(1);
  const [order] = await orderRow(id);
  expect(order).toMatchObject({ order_status: 'AWAITING_SHIPMENT', total_cents: 8041, workflow_status: 'new' });
  expect(order!.recipient?.city).toBe('Los Angeles');
  expect(await itemsOf(order!.id)).toEqual([
    { tiktok_sku_id: '1729593120470000001', sku_id: knownSkuId, quantity: 2, unit_price_cents: 2499, line_item_ids: ['580000000000000001', '580000000000000003'] },
    { tiktok_sku_id: '1729593120470000002', sku_id: null, quantity: 1, unit_price_cents: 2499, line_item_ids: ['580000000000000002'] },
  ]);
  expect(await historyOf(order!.id)).toEqual([{ from_order_status: null, to_order_status: 'AWAITING_SHIPMENT', source: 'tiktok_shop' }]);
  expect(await advanceJobsFor(order!.id)).toEqual([{ priority: 10, reason: 'created' }]);
});

test('ingesting the same snapshot again changes nothing and enqueues nothing', async () => {
  const id = newOrderId();
  await ingest([tiktokOrder({ id })]);
  const again = await ingest([tiktokOrder({ id })], 'poll');
  expect(again).toMatchObject({ created: [], updated: [], unchanged: [id] });
  const [order] = await orderRow(id);
  expect(await itemsOf(order!.id)).toHaveLength(2);
  expect(await historyOf(order!.id)).toHaveLength(1);
  expect(await advanceJobsFor(order!.id)).toHaveLength(1);
});

test('a stale snapshot (older update_time) never moves the order backwards', async () => {
  const id = newOrderId();
  await ingest([tiktokOrder({ id, status: 'AWAITING_COLLECTION', update_time: 1_700_000_500 })]);
  const stale = await ingest([tiktokOrder({ id, status: 'AWAITING_SHIPMENT', update_time: 1_700_000_400 })]);
  expect(stale.stale).toEqual([id]);
  const sameTimeBackwards = await ingest([tiktokOrder({ id, status: 'ON_HOLD', update_time: 1_700_000_500 })]);
  expect(sameTimeBackwards.unchanged).toEqual([id]);
  const [order] = await orderRow(id);
  expect(order).toMatchObject({ order_status: 'AWAITING_COLLECTION', tiktok_update_time: '1700000500' });
  expect(await historyOf(order!.id)).toHaveLength(1);
});

test('a newer snapshot updates status, writes history, hands the order to the workflow, and keeps what TikTok omits', async () => {
  const id = newOrderId();
  await ingest([tiktokOrder({ id, status: 'AWAITING_SHIPMENT', update_time: 1_700_000_100 })]);
  const updated = await ingest([tiktokOrder({ id, status: 'CANCELLED', update_time: 1_700_000_200, recipient_address: undefined, cancel_time: 1_700_000_190 })]);
  expect(updated.updated).toHaveLength(1);
  const [order] = await orderRow(id);
  expect(order).toMatchObject({ order_status: 'CANCELLED' });
  expect(order!.recipient?.city).toBe('Los Angeles');
  expect(await historyOf(order!.id)).toEqual([
    { from_order_status: null, to_order_status: 'AWAITING_SHIPMENT', source: 'tiktok_shop' },
    { from_order_status: 'AWAITING_SHIPMENT', to_order_status: 'CANCELLED', source: 'tiktok_shop' },
  ]);
  expect((await advanceJobsFor(order!.id)).map((job) => job.reason)).toEqual(['created', 'tiktok_status:CANCELLED']);
});

test('a status change leaves unchanged lines unwritten; a changed line is rewritten', async () => {
  const id = newOrderId();
  await ingest([tiktokOrder({ id, status: 'AWAITING_SHIPMENT', update_time: 1_700_000_100 })]);
  const [order] = await orderRow(id);
  const versions = async () =>
    (await asSystem((tx) => tx.execute<{ tiktok_sku_id: string; quantity: number; version: string }>(
      sql`select tiktok_sku_id, quantity, xmin::text as version from public.order_items where order_id = ${order!.id} order by tiktok_sku_id`,
    ))).rows;
  const before = await versions();
  expect(before.map((row) => row.quantity)).toEqual([2, 1]);

  // Shipped: same lines, new status. The lines keep their row versions (no write at all).
  await ingest([tiktokOrder({ id, status: 'AWAITING_COLLECTION', update_time: 1_700_000_200 })]);
  expect(await versions()).toEqual(before);

  // A line gone (TikTok split or partly cancelled it): that SKU's quantity is rewritten, the other line is not.
  const full = tiktokOrder({ id });
  await ingest([tiktokOrder({ id, status: 'AWAITING_COLLECTION', update_time: 1_700_000_300, line_items: full.line_items.slice(0, 2) })]);
  const after = await versions();
  expect(after.map((row) => row.quantity)).toEqual([1, 1]);
  expect(after[0]!.version).not.toBe(before[0]!.version);
  expect(after[1]!.version).toBe(before[1]!.version);
});

test('a forward move within the same second applies (UNPAID → ON_HOLD → AWAITING_SHIPMENT at one update_time)', async () => {
  const id = newOrderId();
  await ingest([tiktokOrder({ id, status: 'ON_HOLD', update_time: 1_700_000_300, recipient_address: undefined })]);
  await ingest([tiktokOrder({ id, status: 'AWAITING_SHIPMENT', update_time: 1_700_000_300 })]);
  const [order] = await orderRow(id);
  expect(order!.order_status).toBe('AWAITING_SHIPMENT');
  expect(order!.recipient?.city).toBe('Los Angeles');
});

test('one page of new, changed and unchanged orders: each gets its own rows, history and job', async () => {
  const [kept, moved, fresh1, fresh2] = [newOrderId(), newOrderId(), newOrderId(), newOrderId()];
  await ingest([tiktokOrder({ id: kept, update_time: 1_700_000_100 }), tiktokOrder({ id: moved, update_time: 1_700_000_100 })]);
  const page = await ingest([
    tiktokOrder({ id: kept, update_time: 1_700_000_100 }),
    tiktokOrder({ id: moved, status: 'AWAITING_COLLECTION', update_time: 1_700_000_300 }),
    tiktokOrder({ id: fresh1 }),
    tiktokOrder({ id: fresh2, status: 'UNPAID' }),
  ]);
  expect(page.unchanged).toEqual([kept]);
  expect(page.updated.map((ref) => ref.tiktokOrderId)).toEqual([moved]);
  expect(page.created.map((ref) => ref.tiktokOrderId).sort()).toEqual([fresh1, fresh2].sort());
  for (const id of [fresh1, fresh2]) {
    const [order] = await orderRow(id);
    expect(await itemsOf(order!.id)).toHaveLength(2);
    expect(await historyOf(order!.id)).toHaveLength(1);
    expect(await advanceJobsFor(order!.id)).toEqual([{ priority: 10, reason: 'created' }]);
  }
  expect((await orderRow(fresh2))[0]!.order_status).toBe('UNPAID');
  const [movedRow] = await orderRow(moved);
  expect(await historyOf(movedRow!.id)).toEqual([
    { from_order_status: null, to_order_status: 'AWAITING_SHIPMENT', source: 'tiktok_shop' },
    { from_order_status: 'AWAITING_SHIPMENT', to_order_status: 'AWAITING_COLLECTION', source: 'tiktok_shop' },
  ]);
  expect((await advanceJobsFor(movedRow!.id)).map((job) => job.reason)).toEqual(['created', 'tiktok_status:AWAITING_COLLECTION']);
  const [keptRow] = await orderRow(kept);
  expect(await advanceJobsFor(keptRow!.id)).toHaveLength(1);
});

test('changed orders of one page are updated in one pass, each with its own values; milestones are set once', async () => {
  const [shipped, cancelled] = [newOrderId(), newOrderId()];
  await ingest([tiktokOrder({ id: shipped, update_time: 1_700_000_100 }), tiktokOrder({ id: cancelled, update_time: 1_700_000_100 })]);
  await ingest([
    tiktokOrder({ id: shipped, status: 'AWAITING_COLLECTION', update_time: 1_700_000_200, rts_time: 1_700_000_150, tracking_number: '1Z999AA10123456784', recipient_address: undefined }),
    tiktokOrder({ id: cancelled, status: 'CANCELLED', update_time: 1_700_000_300, cancel_time: 1_700_000_250, buyer_message: 'Changed my mind' }),
  ]);
  // A later snapshot with another ship time and no tracking keeps the first ship time and the number.
  await ingest([tiktokOrder({ id: shipped, status: 'IN_TRANSIT', update_time: 1_700_000_400, rts_time: 1_700_000_390 })]);
  const read = (id: string) => asSystem((tx) => tx.execute<Record<string, unknown>>(sql`
    select order_status, tiktok_update_time::text, shipped_at, cancelled_at, tracking_number, buyer_message, recipient->>'city' as city
    from public.orders where shop_id = ${shopId} and tiktok_order_id = ${id}`));
  const [shippedRow] = (await read(shipped)).rows;
  expect(shippedRow).toMatchObject({ order_status: 'IN_TRANSIT', tiktok_update_time: '1700000400', tracking_number: '1Z999AA10123456784', cancelled_at: null, city: 'Los Angeles' });
  expect(new Date(shippedRow!.shipped_at as string).getTime()).toBe(1_700_000_150_000);
  const [cancelledRow] = (await read(cancelled)).rows;
  expect(cancelledRow).toMatchObject({ order_status: 'CANCELLED', tiktok_update_time: '1700000300', shipped_at: null, tracking_number: null, buyer_message: 'Changed my mind' });
  expect(new Date(cancelledRow!.cancelled_at as string).getTime()).toBe(1_700_000_250_000);
});

test('concurrent ingestions of one new order store it once', async () => {
  const id = newOrderId();
  const results = await Promise.all([ingest([tiktokOrder({ id })]), ingest([tiktokOrder({ id })], 'poll'), ingest([tiktokOrder({ id })])]);
  expect(results.reduce((sum, result) => sum + result.created.length, 0)).toBe(1);
  const rows = await orderRow(id);
  expect(rows).toHaveLength(1);
  expect(await advanceJobsFor(rows[0]!.id)).toHaveLength(1);
});

test('the workflow job exists only if the order commits (same transaction)', async () => {
  const id = newOrderId();
  await expect(
    asSystem(async (tx) => {
      await upsertTikTokOrders(tx, { accountId, shopId, orders: [tiktokOrder({ id })], source: 'webhook' });
      throw new Error('rolled back');
    }),
  ).rejects.toThrow('rolled back');
  expect(await orderRow(id)).toEqual([]);
  const jobs = await asSystem((tx) =>
    tx.execute(sql`select 1 from pgboss.job j join public.orders o on o.id::text = j.data->>'orderId' where o.tiktok_order_id = ${id}`),
  );
  expect(jobs.rows).toHaveLength(0);
});
