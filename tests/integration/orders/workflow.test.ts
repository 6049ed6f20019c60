import { sql } from 'drizzle-orm';
import { asSystem, closeDb, tables } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import {
  advanceOrder, applyTransition, automation, changeOrderStatus, changeOrderStatusSchema, bulkChangeOrderStatus, bulkChangeOrderStatusSchema,
  classifyOrderPriority, loadOrderSnapshot,
} from '@/lib/orders';
import { QUEUE_PRIORITY } from '@/lib/queue';
import { stopQueueRuntime } from '@/lib/queue/runtime';
import { addMember, createTenant, type TestTenant } from '@/tests/factories/tenants';
import { createOrder, createShop, createSku, historyOf, orderRow, queuedJobs, type TestSku, purgeQueuedJobs } from '../pipeline/support/commerce';

let tenant: TestTenant;
let shopId: string;
let sku: TestSku;
const context = () => ({ accountId: tenant.accountId, userId: tenant.userId, role: 'owner' as const, claims: tenant.claims });

beforeAll(async () => {
  tenant = await createTenant('Workflow');
  ({ shopId } = await createShop(tenant.accountId));
  sku = await createSku(tenant.accountId, shopId, { onHand: 100 });
});

afterAll(async () => {
  await purgeQueuedJobs();
  await stopQueueRuntime();
  await closeDb();
});

const expectAppError = async (promise: Promise<unknown>, code: string) => {
  const error = await promise.then(() => null, (failure: unknown) => failure);
  expect(isAppError(error) ? error.code : error).toBe(code);
  return error as Error;
};

test('a paid order is validated, classified and gets stock, each step in the history with its source and an audit row', async () => {
  const orderId = await createOrder(tenant.accountId, shopId, { lines: [{ sku, quantity: 2 }], orderStatus: 'ON_HOLD' });
  await advanceOrder({ accountId: tenant.accountId, orderId });
  const order = await orderRow(orderId);
  expect(order).toMatchObject({ workflowStatus: 'inventory_reserved', priority: 'AUTO', processingQueue: 'bulk' });
  const history = await historyOf(orderId);
  expect(history.map((row) => [row.fromWorkflowStatus, row.toWorkflowStatus, row.source])).toEqual([
    ['new', 'validated', 'system'],
    ['validated', 'inventory_reserved', 'system'],
  ]);
  expect(history[0]!.metadata).toMatchObject({ event: 'validate', priority: { level: 'AUTO' } });
  const audit = await asSystem((tx) => tx.select().from(tables.auditLog).where(sql`entity_id = ${orderId}`));
  expect(audit.map((row) => row.action).sort()).toEqual(['order.reserve_inventory', 'order.validate']);
  // TikTok still holds it: no label is requested yet.
  expect(await queuedJobs('shipping.buy-label', { orderId })).toHaveLength(0);

  await asSystem((tx) => tx.update(tables.orders).set({ orderStatus: 'AWAITING_SHIPMENT' }).where(sql`id = ${orderId}`));
  await advanceOrder({ accountId: tenant.accountId, orderId });
  expect(await queuedJobs('shipping.buy-label', { orderId })).toEqual([expect.objectContaining({ priority: QUEUE_PRIORITY.bulk })]);
});

test('two workers applying the same transition: one moves the order, the other writes nothing', async () => {
  const orderId = await createOrder(tenant.accountId, shopId, { lines: [{ sku, quantity: 1 }] });
  const snapshot = (await asSystem((tx) => loadOrderSnapshot(tx, { accountId: tenant.accountId, orderId })))!;
  const results = await Promise.all(
    [1, 2].map(() => asSystem((tx) => applyTransition(tx, snapshot, { event: 'validate', source: 'system', reason: 'race' }))),
  );
  expect(results.map((result) => result.kind).sort()).toEqual(['applied', 'conflict']);
  expect(await historyOf(orderId)).toHaveLength(1);
  const buckets = await asSystem((tx) => tx.execute<{ orders: number }>(sql`
    select orders from public.order_velocity_buckets where account_id = ${tenant.accountId} and tiktok_product_id = ${sku.tiktokProductId}`));
  expect(buckets.rows.reduce((sum, row) => sum + row.orders, 0)).toBe(2); // this order once, plus the first test's
});

test('a burst for one product turns its orders VIRAL and express', async () => {
  const viralSku = await createSku(tenant.accountId, shopId, { onHand: 100 });
  const at = new Date();
  const ids: string[] = [];
  for (let n = 0; n < 12; n += 1) ids.push(await createOrder(tenant.accountId, shopId, { lines: [{ sku: viralSku, quantity: 1 }], createdAt: at }));
  for (const orderId of ids) await advanceOrder({ accountId: tenant.accountId, orderId });
  const levels = await Promise.all(ids.map(async (id) => (await orderRow(id)).priority));
  expect(levels.slice(0, 9).every((level) => level !== 'VIRAL')).toBe(true);
  expect(levels.slice(9)).toEqual(['VIRAL', 'VIRAL', 'VIRAL']);
  const last = await orderRow(ids[11]!);
  expect(last).toMatchObject({ processingQueue: 'express', estimatedVelocity: 48 });
  expect(await asSystem((tx) => classifyOrderPriority(tx, { accountId: tenant.accountId, orderId: ids[0]! }))).toMatchObject({ priority: 'VIRAL' });
  expect(await queuedJobs('shipping.buy-label', { orderId: ids[11]! })).toEqual([expect.objectContaining({ priority: QUEUE_PRIORITY.express })]);
});

test('automation rules act at validation: hold for review, tag, service level; a held order buys no label until released', async () => {
  const heavy = await createSku(tenant.accountId, shopId, { onHand: 10, weightGrams: 3000 });
  const rule = await automation.createAutomationRule(context(), automation.ruleBodySchema.parse({
    name: 'Heavy parcels', conditions: [{ field: 'weight_grams', op: 'gte', value: 3000 }, { field: 'destination_country', op: 'in', values: ['US'] }],
    actions: [{ type: 'hold_for_review', reason: 'heavy parcel' }, { type: 'add_tag', tag: 'heavy' }, { type: 'set_service_level', service_level: 'express' }],
  }));
  const orderId = await createOrder(tenant.accountId, shopId, { lines: [{ sku: heavy, quantity: 1 }] });
  await advanceOrder({ accountId: tenant.accountId, orderId });
  expect(await orderRow(orderId)).toMatchObject({ workflowStatus: 'inventory_reserved', onHoldForReview: true, holdReason: 'heavy parcel', tags: ['heavy'], serviceLevel: 'express' });
  expect((await historyOf(orderId))[0]!.metadata).toMatchObject({ automationRules: [rule.id] });
  expect(await queuedJobs('shipping.buy-label', { orderId })).toHaveLength(0);

  const released = await changeOrderStatus(context(), orderId, changeOrderStatusSchema.parse({ action: 'release', reason: 'checked the box' }));
  expect(released).toMatchObject({ order: { on_hold_for_review: false }, workflowTriggered: 'orders.advance-order' });
  const history = await historyOf(orderId);
  expect(history.at(-1)).toMatchObject({ source: 'user', actorId: tenant.userId, reason: 'checked the box', fromWorkflowStatus: 'inventory_reserved', toWorkflowStatus: 'inventory_reserved' });
  await advanceOrder({ accountId: tenant.accountId, orderId });
  expect(await queuedJobs('shipping.buy-label', { orderId })).toHaveLength(1);
  await automation.deleteAutomationRule(context(), rule.id);
});

test('cancelling by hand releases the stock through the ledger; a shipped order cannot be cancelled', async () => {
  const orderId = await createOrder(tenant.accountId, shopId, { lines: [{ sku, quantity: 3 }] });
  await advanceOrder({ accountId: tenant.accountId, orderId });
  const result = await changeOrderStatus(context(), orderId, changeOrderStatusSchema.parse({ status: 'cancelled', reason: 'buyer asked' }));
  expect(result.order.workflow_status).toBe('cancelled');
  const ledger = await asSystem((tx) => tx.execute<{ kind: string; reserved_delta: number }>(sql`
    select kind, reserved_delta from public.inventory_movements where order_id = ${orderId} order by created_at`));
  expect(ledger.rows).toEqual([{ kind: 'reserve', reserved_delta: 3 }, { kind: 'release', reserved_delta: -3 }]);
  expect((await orderRow(orderId)).cancelledAt).not.toBeNull();

  const error = await expectAppError(changeOrderStatus(context(), orderId, changeOrderStatusSchema.parse({ status: 'shipped' })), 'CONFLICT');
  expect(error.message).toMatch(/cannot be moved to shipped/);
});

test('TikTok cancelling an order is applied with source tiktok_shop', async () => {
  const orderId = await createOrder(tenant.accountId, shopId, { lines: [{ sku, quantity: 1 }] });
  await advanceOrder({ accountId: tenant.accountId, orderId });
  await asSystem((tx) => tx.update(tables.orders).set({ orderStatus: 'CANCELLED' }).where(sql`id = ${orderId}`));
  await advanceOrder({ accountId: tenant.accountId, orderId });
  expect((await historyOf(orderId)).at(-1)).toMatchObject({ toWorkflowStatus: 'cancelled', source: 'tiktok_shop' });
});

test('an order with an unknown SKU fails with an alert; a person can retry it', async () => {
  const orderId = await createOrder(tenant.accountId, shopId, { lines: [{ sku, quantity: 1 }] });
  await asSystem((tx) => tx.update(tables.orderItems).set({ skuId: null }).where(sql`order_id = ${orderId}`));
  await advanceOrder({ accountId: tenant.accountId, orderId });
  expect(await orderRow(orderId)).toMatchObject({ workflowStatus: 'failed', lastError: expect.stringContaining('unknown SKU') });
  const alerts = await asSystem((tx) => tx.select().from(tables.alerts).where(sql`entity_id = ${orderId} and resolved_at is null`));
  expect(alerts).toEqual([expect.objectContaining({ kind: 'pipeline_error' })]);

  await asSystem((tx) => tx.update(tables.orderItems).set({ skuId: sku.skuId }).where(sql`order_id = ${orderId}`));
  const retried = await changeOrderStatus(context(), orderId, changeOrderStatusSchema.parse({ status: 'new' }));
  expect(retried).toMatchObject({ order: { workflow_status: 'new', last_error: null }, workflowTriggered: 'orders.advance-order' });
  await advanceOrder({ accountId: tenant.accountId, orderId });
  expect((await orderRow(orderId)).workflowStatus).toBe('inventory_reserved');
});

test("another account's order is not found, and a viewer may look but not act", async () => {
  const other = await createTenant('Other');
  const orderId = await createOrder(tenant.accountId, shopId, { lines: [{ sku, quantity: 1 }] });
  await expectAppError(
    changeOrderStatus({ accountId: other.accountId, userId: other.userId, role: 'owner', claims: other.claims }, orderId, changeOrderStatusSchema.parse({ action: 'hold' })),
    'NOT_FOUND',
  );
  // Claiming the right account without being a member: RLS hides the order.
  await expectAppError(
    changeOrderStatus({ accountId: tenant.accountId, userId: other.userId, role: 'owner', claims: other.claims }, orderId, changeOrderStatusSchema.parse({ action: 'hold' })),
    'NOT_FOUND',
  );
  await addMember(tenant.accountId, other.userId, 'viewer');
  await expectAppError(
    changeOrderStatus({ accountId: tenant.accountId, userId: other.userId, role: 'viewer', claims: other.claims }, orderId, changeOrderStatusSchema.parse({ action: 'hold' })),
    'FORBIDDEN',
  );
  expect((await orderRow(orderId)).onHoldForReview).toBe(false);
});

test('bulk: each order on its own, refusals reported per order', async () => {
  const ok = await createOrder(tenant.accountId, shopId, { lines: [{ sku, quantity: 1 }] });
  const done = await createOrder(tenant.accountId, shopId, { lines: [{ sku, quantity: 1 }], workflowStatus: 'completed' });
  const result = await bulkChangeOrderStatus(context(), bulkChangeOrderStatusSchema.parse({ order_ids: [ok, done], action: 'hold', reason: 'audit' }));
  expect(result).toMatchObject({ success: false, processed: 1, failed: 1, errors: [{ order_id: done, error: expect.stringContaining('completed') }] });
  expect((await orderRow(ok)).onHoldForReview).toBe(true);
});
