import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { asSystem, tables } from '@/lib/db';
import { advanceOrder, changeOrderStatus, changeOrderStatusSchema } from '@/lib/orders';
import { buyLabel, configureShipping, getCarrierGateway, getShippingConfig, packageRefFor, RetryLabelLater, voidLabel } from '@/lib/shipping';
import type { RateQuote } from '@/lib/shipping/carriers';
import type { SandboxCarrier } from '@/sandbox/carrier';
import type { TestTenant } from '@/tests/factories/tenants';
import { createOrder, orderRow, queuedJobs, type TestSku } from '../pipeline/support/commerce';
import { withLabelTestbed } from './support/label-testbed';
import { purchasesFor } from './support/sandbox';

let tenant: TestTenant;
let shopId: string;
let sku: TestSku;
let carrier: SandboxCarrier;

withLabelTestbed('Labels', (testbed) => ({ carrier, tenant, shopId, sku } = testbed));

/** An order with stock, waiting for its label. */
async function reservedOrder(options: Parameters<typeof createOrder>[2] extends infer O ? Partial<O> : never = {}) {
  const orderId = await createOrder(tenant.accountId, shopId, { lines: [{ sku, quantity: 1 }], ...options });
  await advanceOrder({ accountId: tenant.accountId, orderId });
  const order = await orderRow(orderId);
  return { orderId, reference: packageRefFor(order) };
}

const shipmentOf = async (orderId: string) => (await asSystem((tx) => tx.select().from(tables.shipments).where(sql`order_id = ${orderId}`)))[0]!;
const attemptsOf = async (shipmentId: string) =>
  (await asSystem((tx) => tx.execute<{ state: string; quote: unknown }>(sql`select state, quote from public.label_purchase_attempts where shipment_id = ${shipmentId} order by started_at`))).rows;

test('buys the cheapest fitting label once, stores the file and hands the order to TikTok', async () => {
  const { orderId, reference } = await reservedOrder();
  expect(await buyLabel({ accountId: tenant.accountId, orderId })).toBe('purchased');

  const shipment = await shipmentOf(orderId);
  expect(shipment).toMatchObject({ status: 'purchased', carrier: 'shippo', servicelevelToken: 'usps_ground_advantage', trackingStatus: 'label_created' });
  expect(shipment.trackingNumber).toMatch(/^SBX/);
  expect(await attemptsOf(shipment.id)).toEqual([{ state: 'purchased', quote: expect.objectContaining({ rateId: shipment.rateId }) }]);
  const [document] = await asSystem((tx) => tx.select().from(tables.labelDocuments).where(sql`shipment_id = ${shipment.id}`));
  expect(document!.contentType).toBe('application/pdf');
  expect(document!.bytes.subarray(0, 5).toString()).toBe('%PDF-');

  expect(await orderRow(orderId)).toMatchObject({ workflowStatus: 'ready_to_ship', trackingNumber: shipment.trackingNumber, shippingProvider: 'USPS' });
  expect(await queuedJobs('tiktok.push-tracking', { orderId })).toHaveLength(1);

  expect(await buyLabel({ accountId: tenant.accountId, orderId })).toBe('already_purchased');
  expect((await purchasesFor(carrier, reference)).count).toBe(1);
});

test('five workers buying the same label at once buy it once', async () => {
  const { orderId, reference } = await reservedOrder();
  const results = await Promise.all(Array.from({ length: 5 }, () => buyLabel({ accountId: tenant.accountId, orderId })));
  expect(results.filter((result) => result === 'purchased')).toHaveLength(1);
  expect((await purchasesFor(carrier, reference)).count).toBe(1);
});

test('a 500 after the carrier committed is an unknown outcome, resolved by lookup, never by buying again', async () => {
  const { orderId, reference } = await reservedOrder();
  carrier.faults.set({ rules: [{ api: 'shippo', method: 'POST', path: '/transactions', afterCommit: 500, count: 1, rate: 1, retryAfterSec: 1 }], webhooks: { duplicateRate: 0, dropRate: 0, outOfOrder: false }, seed: 1 });
  expect(await buyLabel({ accountId: tenant.accountId, orderId })).toBe('purchased');
  const shipment = await shipmentOf(orderId);
  expect(shipment.status).toBe('purchased');
  expect(await attemptsOf(shipment.id)).toEqual([expect.objectContaining({ state: 'purchased' })]);
  expect((await purchasesFor(carrier, reference)).count).toBe(1);
});

/** What a worker leaves behind if it dies right after committing its attempt. */
async function commitAttemptAndDie(orderId: string): Promise<{ shipmentId: string; quote: Record<string, unknown> }> {
  // Quote as a worker would, by starting a purchase that the carrier refuses before committing.
  carrier.faults.set({ rules: [{ api: 'shippo', method: 'POST', path: '/transactions', status: 503, count: 1, rate: 1, retryAfterSec: 1 }], webhooks: { duplicateRate: 0, dropRate: 0, outOfOrder: false }, seed: 1 });
  await buyLabel({ accountId: tenant.accountId, orderId }).catch((error: unknown) => expect(error).toBeInstanceOf(RetryLabelLater));
  carrier.faults.clear();
  const shipment = await shipmentOf(orderId);
  const [attempt] = await attemptsOf(shipment.id);
  // The 503 left the attempt unknown; make it look exactly like a crash between commit and call.
  await asSystem((tx) => tx.execute(sql`update public.label_purchase_attempts set state = 'purchasing', started_at = now() - interval '1 hour' where shipment_id = ${shipment.id}`));
  await asSystem((tx) => tx.execute(sql`update public.shipments set status = 'purchasing' where id = ${shipment.id}`));
  return { shipmentId: shipment.id, quote: attempt!.quote as Record<string, unknown> };
}

test('an attempt left "purchasing" whose call reached the carrier is found by lookup on the next run', async () => {
  const { orderId, reference } = await reservedOrder();
  const { quote } = await commitAttemptAndDie(orderId);
  // The dead worker's request did reach the carrier.
  const rate = { ...quote, quotedAt: new Date(String(quote.quotedAt)) } as unknown as RateQuote;
  const bought = await getCarrierGateway().adapter('shippo').purchase({ rate, reference });
  expect(bought.kind).toBe('purchased');

  expect(await buyLabel({ accountId: tenant.accountId, orderId })).toBe('purchased');
  expect((await shipmentOf(orderId)).trackingNumber).toBe(bought.kind === 'purchased' ? bought.trackingNumber : null);
  expect((await purchasesFor(carrier, reference)).count).toBe(1);
});

test('an attempt left "purchasing" whose call never left is bought once its grace period is over, not before', async () => {
  const { orderId, reference } = await reservedOrder();
  await commitAttemptAndDie(orderId);
  const config = getShippingConfig();
  configureShipping({ ...config, unknownOutcomeGraceMs: 2 * 3_600_000 });
  await expect(buyLabel({ accountId: tenant.accountId, orderId })).rejects.toBeInstanceOf(RetryLabelLater);
  expect((await purchasesFor(carrier, reference)).count).toBe(0);

  configureShipping({ ...config, unknownOutcomeGraceMs: 60_000 });
  expect(await buyLabel({ accountId: tenant.accountId, orderId })).toBe('purchased');
  expect((await purchasesFor(carrier, reference)).count).toBe(1);
  expect((await attemptsOf((await shipmentOf(orderId)).id)).map((a) => a.state)).toEqual(['failed', 'purchased']);
});

test('EasyPost through the same gateway: one purchase per package, voided when the order is cancelled', async () => {
  const config = getShippingConfig();
  configureShipping({ ...config, carrier: 'easypost' });
  try {
    const { orderId, reference } = await reservedOrder();
    expect(await buyLabel({ accountId: tenant.accountId, orderId })).toBe('purchased');
    const shipment = await shipmentOf(orderId);
    expect(shipment).toMatchObject({ carrier: 'easypost', status: 'purchased' });
    expect((await purchasesFor(carrier, reference)).count).toBe(1);

    const context = { accountId: tenant.accountId, userId: tenant.userId, role: 'owner' as const, claims: tenant.claims };
    const cancelled = await changeOrderStatus(context, orderId, changeOrderStatusSchema.parse({ status: 'cancelled' }));
    expect(cancelled.workflowTriggered).toBe('shipping.void-label');
    expect(await queuedJobs('shipping.void-label', { shipmentId: shipment.id })).toHaveLength(1);
    expect(['voided', 'void_pending']).toContain(await voidLabel({ accountId: tenant.accountId, shipmentId: shipment.id }));
    expect(['voided', 'void_pending']).toContain((await shipmentOf(orderId)).status);
  } finally {
    configureShipping(config);
  }
});

test('a Shippo label is refunded on cancellation; the stock goes back', async () => {
  const { orderId, reference } = await reservedOrder();
  await buyLabel({ accountId: tenant.accountId, orderId });
  await asSystem((tx) => tx.update(tables.orders).set({ orderStatus: 'CANCELLED' }).where(sql`id = ${orderId}`));
  await advanceOrder({ accountId: tenant.accountId, orderId });
  const shipment = await shipmentOf(orderId);
  expect(await voidLabel({ accountId: tenant.accountId, shipmentId: shipment.id })).toBe('voided');
  expect((await purchasesFor(carrier, reference)).purchases[0]!.status).toBe('REFUNDED');
  const ledger = await asSystem((tx) => tx.execute<{ kind: string }>(sql`select kind from public.inventory_movements where order_id = ${orderId} order by created_at`));
  expect(ledger.rows.map((row) => row.kind)).toEqual(['reserve', 'release']);
});

test('a carrier that refuses the label fails the order with the carrier\'s own reason, bought nothing', async () => {
  const { orderId } = await reservedOrder();
  // The sandbox refuses a purchase whose reference carries the magic word (sandbox/carrier/README).
  await asSystem((tx) => tx.update(tables.orders).set({ packageId: `${randomUUID()}-FAIL_CARRIER` }).where(sql`id = ${orderId}`));
  const reference = packageRefFor(await orderRow(orderId));
  expect(await buyLabel({ accountId: tenant.accountId, orderId })).toBe('failed');
  expect(await orderRow(orderId)).toMatchObject({ workflowStatus: 'failed', lastError: expect.stringContaining('The carrier rejected the label request') });
  expect(await shipmentOf(orderId)).toMatchObject({ status: 'failed', lastError: expect.stringContaining('The carrier rejected the label request') });
  expect((await purchasesFor(carrier, reference)).purchases.every((purchase) => purchase.status !== 'SUCCESS')).toBe(true);
});

test('a refusal whose answer was lost (500 after commit) is found by lookup and fails the order with the carrier\'s reason', async () => {
  const { orderId } = await reservedOrder();
  await asSystem((tx) => tx.update(tables.orders).set({ packageId: `${randomUUID()}-FAIL_CARRIER` }).where(sql`id = ${orderId}`));
  const reference = packageRefFor(await orderRow(orderId));
  carrier.faults.set({ rules: [{ api: 'shippo', method: 'POST', path: '/transactions', afterCommit: 500, count: 1, rate: 1, retryAfterSec: 1 }], webhooks: { duplicateRate: 0, dropRate: 0, outOfOrder: false }, seed: 1 });
  expect(await buyLabel({ accountId: tenant.accountId, orderId })).toBe('failed');
  expect(await orderRow(orderId)).toMatchObject({ workflowStatus: 'failed', lastError: expect.stringContaining('The carrier rejected the label request') });
  const shipment = await shipmentOf(orderId);
  expect(shipment).toMatchObject({ status: 'failed', lastError: expect.stringContaining('The carrier rejected the label request') });
  expect((await attemptsOf(shipment.id)).map((attempt) => attempt.state)).toEqual(['failed']);
  // The lookup found the refusal; nothing was bought, then or after.
  expect((await purchasesFor(carrier, reference)).purchases.filter((purchase) => purchase.status === 'SUCCESS')).toEqual([]);
});

test('no rate for the address fails the order with the reason and an alert', async () => {
  const { orderId } = await reservedOrder({ recipient: { name: 'Jean', addressLine1: '1 Rue', city: 'Montreal', state: 'QC', postalCode: 'H2X 1Y4', country: 'CA' } });
  expect(await buyLabel({ accountId: tenant.accountId, orderId })).toBe('failed');
  expect(await orderRow(orderId)).toMatchObject({ workflowStatus: 'failed', lastError: expect.stringContaining('No label') });
  expect((await shipmentOf(orderId)).status).toBe('failed');
  const ledger = await asSystem((tx) => tx.execute<{ kind: string }>(sql`select kind from public.inventory_movements where order_id = ${orderId} order by created_at`));
  expect(ledger.rows.map((row) => row.kind)).toEqual(['reserve', 'release']);
});
