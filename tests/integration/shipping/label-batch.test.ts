/**
 * The batch path of shipping.buy-label (lib/shipping/buy-labels.ts) against the sandbox carrier: a
 * batch buys each label once, with the single path's journal; whatever leaves its happy path is
 * handed back for buyLabel, which finishes it from the state the batch left.
 */
import { sql } from 'drizzle-orm';
import { asSystem, tables } from '@/lib/db';
import { advanceOrders } from '@/lib/orders/advance-order';
import { buyLabel, packageRefFor } from '@/lib/shipping';
import { buyLabels } from '@/lib/shipping/buy-labels';
import type { SandboxCarrier } from '@/sandbox/carrier';
import type { TestTenant } from '@/tests/factories/tenants';
import { createOrder, orderRow, queuedJobs, type TestSku } from '../pipeline/support/commerce';
import { withLabelTestbed } from './support/label-testbed';
import { purchasesFor } from './support/sandbox';

let tenant: TestTenant;
let shopId: string;
let sku: TestSku;
let carrier: SandboxCarrier;

withLabelTestbed('Label Batch', (testbed) => ({ carrier, tenant, shopId, sku } = testbed));

/** Orders with stock, waiting for their labels. */
async function reservedOrders(count: number) {
  const ids: string[] = [];
  for (let n = 0; n < count; n += 1) ids.push(await createOrder(tenant.accountId, shopId, { lines: [{ sku, quantity: 1 }] }));
  await advanceOrders(ids.map((orderId) => ({ accountId: tenant.accountId, orderId })));
  return Promise.all(ids.map(async (orderId) => ({ orderId, reference: packageRefFor(await orderRow(orderId)) })));
}

const requests = (orders: { orderId: string }[]) => orders.map(({ orderId }) => ({ accountId: tenant.accountId, orderId }));
const shipmentOf = async (orderId: string) => (await asSystem((tx) => tx.select().from(tables.shipments).where(sql`order_id = ${orderId}`)))[0]!;
const attemptStates = async (shipmentId: string) =>
  (await asSystem((tx) => tx.execute<{ state: string }>(sql`select state from public.label_purchase_attempts where shipment_id = ${shipmentId} order by started_at`))).rows.map((row) => row.state);
const purchaseCounts = async (orders: { reference: string }[]) => Promise.all(orders.map(async ({ reference }) => (await purchasesFor(carrier, reference)).count));

test('a batch buys each label once, keeps the journal, stores the files and hands every order to TikTok', async () => {
  const orders = await reservedOrders(6);
  expect(await buyLabels(requests(orders))).toEqual([]);
  for (const { orderId } of orders) {
    const shipment = await shipmentOf(orderId);
    expect(shipment).toMatchObject({ status: 'purchased', carrier: 'shippo', trackingStatus: 'label_created' });
    expect(await attemptStates(shipment.id)).toEqual(['purchased']);
    const [document] = await asSystem((tx) => tx.select().from(tables.labelDocuments).where(sql`shipment_id = ${shipment.id}`));
    expect(document!.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await orderRow(orderId)).toMatchObject({ workflowStatus: 'ready_to_ship', trackingNumber: shipment.trackingNumber });
    expect(await queuedJobs('tiktok.push-tracking', { orderId })).toHaveLength(1);
  }
  expect(await purchaseCounts(orders)).toEqual([1, 1, 1, 1, 1, 1]);

  // A second delivery of the same jobs: nothing left to buy here, handed back, and buyLabel buys nothing either.
  expect((await buyLabels(requests(orders))).map((request) => request.orderId).sort()).toEqual(orders.map((order) => order.orderId).sort());
  for (const request of requests(orders)) expect(await buyLabel(request)).toBe('already_purchased');
  expect(await purchaseCounts(orders)).toEqual([1, 1, 1, 1, 1, 1]);
});

test('two workers with the same batch at once, then every job run alone: still one label per package', async () => {
  const orders = await reservedOrders(5);
  const [first, second] = await Promise.all([buyLabels(requests(orders)), buyLabels(requests(orders))]);
  for (const request of [...first, ...second]) await buyLabel(request);
  for (const request of requests(orders)) await buyLabel(request);
  expect(await purchaseCounts(orders)).toEqual([1, 1, 1, 1, 1]);
  for (const { orderId } of orders) expect((await orderRow(orderId)).workflowStatus).toBe('ready_to_ship');
});

test('a carrier 500 after it committed: that order is handed back and resolved by lookup; the rest are bought in the batch', async () => {
  const orders = await reservedOrders(4);
  carrier.faults.set({ rules: [{ api: 'shippo', method: 'POST', path: '/transactions', afterCommit: 500, count: 1, rate: 1, retryAfterSec: 1 }], webhooks: { duplicateRate: 0, dropRate: 0, outOfOrder: false }, seed: 1 });
  const leftover = await buyLabels(requests(orders));
  expect(leftover).toHaveLength(1);
  const unknown = await shipmentOf(leftover[0]!.orderId);
  expect(unknown.status).toBe('unknown_outcome');
  expect(await attemptStates(unknown.id)).toEqual(['unknown_outcome']);
  carrier.faults.clear();

  expect(await buyLabel(leftover[0]!)).toBe('purchased');
  expect(await attemptStates(unknown.id)).toEqual(['purchased']);
  expect(await purchaseCounts(orders)).toEqual([1, 1, 1, 1]);
  for (const { orderId } of orders) expect((await orderRow(orderId)).workflowStatus).toBe('ready_to_ship');
});

test('an order not waiting for its first label is handed back untouched', async () => {
  const [ready] = await reservedOrders(1);
  const unpaid = await createOrder(tenant.accountId, shopId, { lines: [{ sku, quantity: 1 }], orderStatus: 'UNPAID' });
  const missing = '00000000-0000-4000-8000-00000000000a';
  const leftover = await buyLabels([...requests([ready!]), { accountId: tenant.accountId, orderId: unpaid }, { accountId: tenant.accountId, orderId: missing }]);
  expect(leftover.map((request) => request.orderId).sort()).toEqual([unpaid, missing].sort());
  expect(await asSystem((tx) => tx.select().from(tables.shipments).where(sql`order_id = ${unpaid}`))).toEqual([]);
  expect((await orderRow(ready!.orderId)).workflowStatus).toBe('ready_to_ship');
});

test('an order no rate fits is failed inside the batch with the reason, not handed back to be quoted again', async () => {
  const [fits] = await reservedOrders(1);
  const montreal = await createOrder(tenant.accountId, shopId, {
    lines: [{ sku, quantity: 1 }], recipient: { name: 'Jean', addressLine1: '1 Rue', city: 'Montreal', state: 'QC', postalCode: 'H2X 1Y4', country: 'CA' },
  });
  await advanceOrders([{ accountId: tenant.accountId, orderId: montreal }]);
  expect(await buyLabels(requests([fits!, { orderId: montreal }]))).toEqual([]);
  expect(await orderRow(montreal)).toMatchObject({ workflowStatus: 'failed', lastError: expect.stringContaining('No label') });
  expect((await shipmentOf(montreal)).status).toBe('failed');
  expect((await orderRow(fits!.orderId)).workflowStatus).toBe('ready_to_ship');
});
