import { sql } from 'drizzle-orm';
import { asSystem, closeDb } from '@/lib/db';
import { applyStockAdjustment } from '@/lib/inventory';
import { listInventory, planSku } from '@/lib/inventory/queries';
import { advanceOrder, retryBackorders } from '@/lib/orders';
import { stopQueueRuntime } from '@/lib/queue/runtime';
import { createTenant } from '@/tests/factories/tenants';
import { createOrder, createShop, createSku, queuedJobs, type TestSku, purgeQueuedJobs } from '../pipeline/support/commerce';

let accountId: string;
let claims: Awaited<ReturnType<typeof createTenant>>['claims'];
let sku: TestSku;
let orderIds: string[];
const base = Date.UTC(2026, 10, 23, 9, 0, 0);

beforeAll(async () => {
  ({ accountId, claims } = await createTenant('Spike'));
  const { shopId } = await createShop(accountId);
  sku = await createSku(accountId, shopId, { onHand: 50, lowStockThreshold: 5 });
  // 200 orders, one unit each, placed a second apart (so "oldest first" is well defined).
  orderIds = [];
  for (let n = 0; n < 200; n += 1) {
    orderIds.push(await createOrder(accountId, shopId, { lines: [{ sku, quantity: 1 }], createdAt: new Date(base + n * 1000) }));
  }
  // All 200 at once: every worker's validate and reserve transactions race for the one stock row.
  await Promise.all(orderIds.map((orderId) => advanceOrder({ accountId, orderId })));
});

afterAll(async () => {
  await purgeQueuedJobs();
  await stopQueueRuntime();
  await closeDb();
});

const level = async () =>
  (await asSystem((tx) => tx.execute<{ on_hand: number; reserved: number; available: number }>(sql`
    select on_hand, reserved, available from public.inventory_levels where sku_id = ${sku.skuId}`))).rows[0]!;

test('exactly 50 orders get stock and 150 wait as backorders', async () => {
  const counts = await asSystem((tx) => tx.execute<{ workflow_status: string; backordered: boolean; n: number }>(sql`
    select workflow_status, backordered, count(*)::int as n from public.orders where account_id = ${accountId} group by 1, 2 order by 1, 2`));
  // Reserved orders go on to ask for a label and wait there (no carrier in this test).
  expect(counts.rows).toEqual([
    { workflow_status: 'inventory_reserved', backordered: false, n: 50 },
    { workflow_status: 'validated', backordered: true, n: 150 },
  ]);
  expect(await level()).toEqual({ on_hand: 50, reserved: 50, available: 0 });
});

test('the ledger explains every unit, and no reservation ever saw available below zero', async () => {
  const moves = await asSystem((tx) => tx.execute<{ order_id: string; reserved_delta: number; on_hand_after: number; reserved_after: number }>(sql`
    select order_id, reserved_delta, on_hand_after, reserved_after from public.inventory_movements where sku_id = ${sku.skuId} and kind = 'reserve'`));
  expect(moves.rows).toHaveLength(50);
  expect(moves.rows.reduce((sum, move) => sum + move.reserved_delta, 0)).toBe(50);
  expect(new Set(moves.rows.map((move) => move.order_id)).size).toBe(50);
  // Serialized on the row: each reservation saw a distinct total, 1..50, never above on hand.
  expect(moves.rows.map((move) => move.reserved_after).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  expect(moves.rows.every((move) => move.on_hand_after - move.reserved_after >= 0)).toBe(true);
});

test('the table itself refuses to reserve past on hand', async () => {
  const error = await asSystem((tx) => tx.execute(sql`update public.inventory_levels set reserved = reserved + 1 where sku_id = ${sku.skuId}`)).then(
    () => null,
    (failure: Error) => failure,
  );
  expect(String((error?.cause as Error | undefined)?.message ?? error?.message)).toMatch(/inventory_levels_reserved_within_on_hand/);
});

test('one backorder alert and one low-stock alert, however many orders hit them', async () => {
  const alerts = await asSystem((tx) => tx.execute<{ kind: string; n: number }>(sql`
    select kind, count(*)::int as n from public.alerts where account_id = ${accountId} and resolved_at is null group by kind order by kind`));
  expect(alerts.rows).toEqual([{ kind: 'backorder', n: 1 }, { kind: 'low_stock', n: 1 }]);
});

test('the low-stock email shows the inventory page’s figures: same sales, pace, cover and reorder quantity', async () => {
  const [job] = await queuedJobs('email.send-email', { accountId, template: 'low-stock-alert' });
  const [item] = (job!.data.props as { items: { available: number; daysOfCover: number | null; velocityPerDay: number; suggestedReorder: number }[] }).items;
  const { rows, settings } = await listInventory({ accountId, claims });
  const row = rows.find((candidate) => candidate.sku_id === sku.skuId)!;
  // The email was written at the dip (5 available); the page shows stock now, so plan at the email's count.
  const plan = planSku({ available: item!.available, unitsSold24h: row.units_sold_24h, unitsSold7d: row.units_sold_7d, lowStockThreshold: 5 }, settings);
  expect(item).toMatchObject({
    available: 5,
    daysOfCover: plan.daysOfCover,
    velocityPerDay: Math.round(plan.planningVelocity * 24 * 10) / 10,
    suggestedReorder: plan.reorderQuantity,
  });
});

test('TikTok hears about the stock change through a debounced push: at most one per 2-second slot', async () => {
  const pushes = await queuedJobs('tiktok.push-inventory', { accountId });
  const moves = await asSystem((tx) => tx.execute<{ slot: string }>(sql`
    select distinct floor(extract(epoch from created_at) / 2)::text as slot from public.inventory_movements where sku_id = ${sku.skuId} and kind = 'reserve'`));
  expect(pushes.length).toBeGreaterThanOrEqual(1);
  // Each slot with changes yields at most its own job plus one for the slot after it.
  expect(pushes.length).toBeLessThanOrEqual(2 * moves.rows.length);
  expect(pushes.length).toBeLessThan(50);
});

test('a stock-in fills backorders oldest first and resolves the alert once none wait', async () => {
  await asSystem((tx) => applyStockAdjustment(tx, { accountId, sku_id: sku.skuId, warehouse_id: 'wh-1', delta: 20, reason: 'delivery' }));
  expect(await queuedJobs('orders.retry-backorders', { skuId: sku.skuId })).not.toHaveLength(0);
  const result = await retryBackorders({ accountId, skuId: sku.skuId });
  expect(result).toMatchObject({ reserved: 20 });

  const filled = await asSystem((tx) => tx.execute<{ id: string }>(sql`
    select o.id from public.orders o where o.account_id = ${accountId} and o.workflow_status = 'inventory_reserved' order by o.created_at`));
  const waiting = await asSystem((tx) => tx.execute<{ created_at: string }>(sql`
    select min(created_at) as created_at from public.orders where account_id = ${accountId} and backordered`));
  const newestFilled = await asSystem((tx) => tx.execute<{ created_at: string }>(sql`
    select max(o.created_at) as created_at from public.orders o
    where o.account_id = ${accountId} and exists (select 1 from public.order_status_history h where h.order_id = o.id and h.reason = 'stock was added')`));
  expect(filled.rows).toHaveLength(70);
  expect(new Date(newestFilled.rows[0]!.created_at).getTime()).toBeLessThan(new Date(waiting.rows[0]!.created_at).getTime());
  expect(await level()).toEqual({ on_hand: 70, reserved: 70, available: 0 });

  await asSystem((tx) => applyStockAdjustment(tx, { accountId, sku_id: sku.skuId, warehouse_id: 'wh-1', delta: 200, reason: 'big delivery' }));
  expect(await retryBackorders({ accountId, skuId: sku.skuId })).toMatchObject({ reserved: 130, stillWaiting: 0 });
  const open = await asSystem((tx) => tx.execute(sql`select 1 from public.alerts where account_id = ${accountId} and kind = 'backorder' and resolved_at is null`));
  expect(open.rows).toHaveLength(0);
});
