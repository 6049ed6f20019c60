/**
 * The workflow engine moves a batch of orders together (advanceOrders: each event applied to every
 * order that needs it with one UPDATE; the steps share a transaction except where one locks rows
 * shared by many orders). These tests hold it to what one order at a
 * time guaranteed: no overselling under concurrent batches, each order its own outcome and history,
 * and a batch that cannot run leaves nothing half done (the queue then runs its jobs one by one).
 */
import { sql } from 'drizzle-orm';
import { asSystem, closeDb } from '@/lib/db';
import { advanceOrders } from '@/lib/orders/advance-order';
import { advanceOrderJob } from '@/lib/orders/jobs/advance-order.job';
import { enqueueMany, PermanentJobError } from '@/lib/queue';
import { startWorkers, stopQueueRuntime } from '@/lib/queue/runtime';
import { createTenant } from '@/tests/factories/tenants';
import { createOrder, createShop, createSku, historyOf, orderRow, purgeQueuedJobs, queuedJobs } from '../pipeline/support/commerce';
import { waitFor } from '../pipeline/support/serve-routes';

let accountId: string;
let shopId: string;
const base = Date.UTC(2026, 10, 23, 9, 0, 0);

beforeAll(async () => {
  ({ accountId } = await createTenant('Batch'));
  ({ shopId } = await createShop(accountId));
});

afterAll(async () => {
  await purgeQueuedJobs();
  await stopQueueRuntime();
  await closeDb();
});

const rows = <T>(query: ReturnType<typeof sql>) => asSystem(async (tx) => (await tx.execute<T & Record<string, unknown>>(query)).rows);

describe('200 orders for 50 units, in 8 batches of 25 running at once', () => {
  let skuId: string;
  let tiktokProductId: string;
  let orderIds: string[];

  beforeAll(async () => {
    const sku = await createSku(accountId, shopId, { onHand: 50 });
    ({ skuId, tiktokProductId } = sku);
    orderIds = [];
    for (let n = 0; n < 200; n += 1) {
      orderIds.push(await createOrder(accountId, shopId, { lines: [{ sku, quantity: 1 }], createdAt: new Date(base + n * 100) }));
    }
    const batches = Array.from({ length: 8 }, (_, b) => orderIds.slice(b * 25, b * 25 + 25).map((orderId) => ({ accountId, orderId })));
    await Promise.all(batches.map((batch) => advanceOrders(batch)));
  });

  test('exactly 50 are reserved, 150 wait as backorders, and the stock row never went below zero', async () => {
    expect(await rows(sql`
      select workflow_status, backordered, count(*)::int as n from public.orders where account_id = ${accountId} and id = any(${sql.param(orderIds)}::uuid[])
      group by 1, 2 order by 1, 2`)).toEqual([
      { workflow_status: 'inventory_reserved', backordered: false, n: 50 },
      { workflow_status: 'validated', backordered: true, n: 150 },
    ]);
    expect(await rows(sql`select on_hand, reserved, available from public.inventory_levels where sku_id = ${skuId}`)).toEqual([{ on_hand: 50, reserved: 50, available: 0 }]);
    const moves = await rows<{ order_id: string; reserved_after: number }>(sql`
      select order_id, reserved_after from public.inventory_movements where sku_id = ${skuId} and kind = 'reserve'`);
    expect(new Set(moves.map((move) => move.order_id)).size).toBe(50);
    expect(moves.map((move) => move.reserved_after).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  test('every order has its own history: validated by the system, then reserved or flagged backordered', async () => {
    const reserved = await rows<{ id: string }>(sql`select id from public.orders where id = any(${sql.param(orderIds)}::uuid[]) and workflow_status = 'inventory_reserved' limit 1`);
    const backordered = await rows<{ id: string }>(sql`select id from public.orders where id = any(${sql.param(orderIds)}::uuid[]) and backordered limit 1`);
    const events = async (orderId: string) => (await historyOf(orderId)).map((row) => [row.fromWorkflowStatus, row.toWorkflowStatus, row.source, (row.metadata as { event: string }).event]);
    expect(await events(reserved[0]!.id)).toEqual([
      ['new', 'validated', 'system', 'validate'],
      ['validated', 'inventory_reserved', 'system', 'reserve_inventory'],
    ]);
    expect(await events(backordered[0]!.id)).toEqual([
      ['new', 'validated', 'system', 'validate'],
      ['validated', 'validated', 'system', 'backorder'],
    ]);
    const [audit] = await rows<{ n: number }>(sql`select count(*)::int as n from public.audit_log where account_id = ${accountId} and entity_id = any(${sql.param(orderIds)}::text[])`);
    expect(audit!.n).toBe(400);
  });

  test('each reserved order asks for one label; the velocity buckets count all 200 orders once', async () => {
    const labels = await queuedJobs('shipping.buy-label', { accountId });
    expect(new Set(labels.map((job) => job.data.orderId)).size).toBe(50);
    expect(labels).toHaveLength(50);
    const [velocity] = await rows<{ n: number }>(sql`
      select coalesce(sum(orders), 0)::int as n from public.order_velocity_buckets where account_id = ${accountId} and tiktok_product_id = ${tiktokProductId}`);
    expect(velocity!.n).toBe(200);
  });

  test('a step that locks shared rows commits on its own: validation (velocity bucket), then reservation (stock row), then the label request', async () => {
    // xmin is the writing transaction: three steps, three commits, so no batch holds the stock row
    // while it takes its next steps.
    const reserved = await rows<{ id: string }>(sql`select id from public.orders where id = any(${sql.param(orderIds)}::uuid[]) and workflow_status = 'inventory_reserved' limit 1`);
    const orderId = reserved[0]!.id;
    const [written] = await rows<{ validated: string; reserved: string; label: string; stock: string }>(sql`
      select (select xmin::text from public.order_status_history where order_id = ${orderId} and to_workflow_status = 'validated') as validated,
        (select xmin::text from public.order_status_history where order_id = ${orderId} and to_workflow_status = 'inventory_reserved') as reserved,
        (select xmin::text from pgboss.job where name = 'shipping.buy-label' and data->>'orderId' = ${orderId}) as label,
        (select xmin::text from public.inventory_movements where order_id = ${orderId} and kind = 'reserve') as stock`);
    expect(written!.stock).toBe(written!.reserved);
    expect(new Set([written!.validated, written!.reserved, written!.label]).size).toBe(3);
  });

  test('the batch classifies its orders as if they came one after another (later ones see the spike)', async () => {
    const velocities = await rows<{ estimated_velocity: string }>(sql`
      select estimated_velocity from public.orders where id = any(${sql.param(orderIds.slice(0, 25))}::uuid[]) order by created_at`);
    const numbers = velocities.map((row) => Number(row.estimated_velocity));
    expect(new Set(numbers).size).toBeGreaterThan(1);
    expect(numbers.every((value, index) => index === 0 || value >= numbers[index - 1]!)).toBe(true);
  });
});

test('one batch, four outcomes: reserved, waiting for payment, rejected, cancelled', async () => {
  const sku = await createSku(accountId, shopId, { onHand: 10 });
  const reserved = await createOrder(accountId, shopId, { lines: [{ sku, quantity: 2 }] });
  const unpaid = await createOrder(accountId, shopId, { lines: [{ sku, quantity: 1 }], orderStatus: 'UNPAID' });
  const unknownSku = await createOrder(accountId, shopId, { lines: [{ sku, quantity: 1 }] });
  await asSystem((tx) => tx.execute(sql`update public.order_items set sku_id = null where order_id = ${unknownSku}`));
  const cancelled = await createOrder(accountId, shopId, { lines: [{ sku, quantity: 1 }], orderStatus: 'CANCELLED' });

  await advanceOrders([reserved, unpaid, unknownSku, cancelled].map((orderId) => ({ accountId, orderId })));

  expect((await orderRow(reserved)).workflowStatus).toBe('inventory_reserved');
  expect((await orderRow(unpaid)).workflowStatus).toBe('new');
  expect(await historyOf(unpaid)).toEqual([]);
  const rejected = await orderRow(unknownSku);
  expect(rejected.workflowStatus).toBe('failed');
  expect(rejected.lastError).toMatch(/unknown SKU/);
  expect(await rows(sql`select kind from public.alerts where account_id = ${accountId} and entity_id = ${unknownSku} and resolved_at is null`)).toEqual([{ kind: 'pipeline_error' }]);
  expect((await orderRow(cancelled)).workflowStatus).toBe('cancelled');
  expect(await rows(sql`select on_hand, reserved from public.inventory_levels where sku_id = ${sku.skuId}`)).toEqual([{ on_hand: 10, reserved: 2 }]);
});

test('short stock goes to the oldest orders of a batch, whatever order the jobs came in', async () => {
  const sku = await createSku(accountId, shopId, { onHand: 3 });
  const ids: string[] = [];
  for (let n = 0; n < 6; n += 1) ids.push(await createOrder(accountId, shopId, { lines: [{ sku, quantity: 1 }], createdAt: new Date(base + 3_600_000 + n * 1000) }));
  await advanceOrders([...ids].reverse().map((orderId) => ({ accountId, orderId })));
  const statuses = await Promise.all(ids.map(async (id) => (await orderRow(id)).workflowStatus));
  expect(statuses).toEqual(['inventory_reserved', 'inventory_reserved', 'inventory_reserved', 'validated', 'validated', 'validated']);
});

test('a batch naming an order that does not exist changes nothing and says which one', async () => {
  const sku = await createSku(accountId, shopId, { onHand: 10 });
  const real = await createOrder(accountId, shopId, { lines: [{ sku, quantity: 1 }] });
  const missing = '00000000-0000-4000-8000-000000000001';
  const run = advanceOrders([{ accountId, orderId: real }, { accountId, orderId: missing }]);
  await expect(run).rejects.toBeInstanceOf(PermanentJobError);
  await expect(run).rejects.toThrow(missing);
  expect((await orderRow(real)).workflowStatus).toBe('new');
});

test('from the queue: a batch with a bad job falls back to one job at a time, so the good ones still move', async () => {
  await purgeQueuedJobs();
  const sku = await createSku(accountId, shopId, { onHand: 10 });
  const good = [
    await createOrder(accountId, shopId, { lines: [{ sku, quantity: 1 }] }),
    await createOrder(accountId, shopId, { lines: [{ sku, quantity: 1 }] }),
    await createOrder(accountId, shopId, { lines: [{ sku, quantity: 1 }] }),
  ];
  const missing = '00000000-0000-4000-8000-000000000002';
  // Queued before the worker starts, so its first fetch takes all four as one batch.
  await enqueueMany('orders.advance-order', [...good, missing].map((orderId) => ({ data: { accountId, orderId } })));
  await startWorkers([advanceOrderJob]);
  await waitFor(async () => {
    const moved = await rows<{ n: number }>(sql`select count(*)::int as n from public.orders where id = any(${sql.param(good)}::uuid[]) and workflow_status = 'inventory_reserved'`);
    return moved[0]!.n === good.length;
  }, 'the three real orders reserved');
  await waitFor(async () => {
    const dead = await rows<{ n: number }>(sql`select count(*)::int as n from pgboss.job where name = 'orders.advance-order.dead' and data->'data'->>'orderId' = ${missing}`);
    return dead[0]!.n === 1;
  }, 'the missing order filed with the dead letters');
  // Settled in that first attempt, not by pg-boss retrying the failed batch later. The worker marks
  // the jobs after the workflow has committed (and the dead letter is filed), so wait for that.
  const jobs = () => rows<{ state: string; retry_count: number }>(sql`
    select state, retry_count from pgboss.job where name = 'orders.advance-order' and data->>'orderId' = any(${sql.param([...good, missing])}::text[])`);
  await waitFor(async () => (await jobs()).every((job) => job.state !== 'active'), 'the batch settled');
  expect(await jobs()).toEqual(Array.from({ length: 4 }, () => ({ state: 'completed', retry_count: 0 })));
});
