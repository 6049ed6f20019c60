import { closeDb } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { getOrderDetails, getOrderOrThrow, getPickList } from '@/lib/orders/queries';
import {
  createCatalogItem,
  createLabelDocument,
  createOrder,
  createShipment,
  createStatusHistory,
  createTrackingEvent,
} from '@/tests/factories/commerce';
import { createTenant, type TestTenant } from '@/tests/factories/tenants';

/** GET /api/orders/{id}'s domain function and the pick list, including cross-tenant reads. */
let acme: TestTenant;
let bravo: TestTenant;
let orderId: string;
let otherOrderId: string;
let shipmentId: string;
let bravoOrderId: string;

const notFound = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(isAppError(error) && error.code).toBe('NOT_FOUND');
};

beforeAll(async () => {
  acme = await createTenant('Acme');
  bravo = await createTenant('Bravo');
  const serum = await createCatalogItem(acme.accountId, {
    title: 'Glow Serum',
    sku: { sellerSku: 'SERUM-30', priceCents: 2400 },
  });
  const oil = await createCatalogItem(acme.accountId, {
    shop: serum.shop,
    title: 'Lip Oil',
    sku: { sellerSku: 'LIPOIL-1', priceCents: 1200 },
  });
  const order = await createOrder(acme.accountId, {
    shopId: serum.shop.id,
    items: [
      { sku: serum.sku, productName: 'Glow Serum', quantity: 2 },
      { sku: oil.sku, productName: 'Lip Oil', quantity: 1 },
    ],
    orderStatus: 'IN_TRANSIT',
    workflowStatus: 'shipped',
    trackingNumber: '9400123412341234',
    shippingProvider: 'USPS',
    trackingPushedAt: new Date('2026-11-02T10:00:00Z'),
  });
  orderId = order.id;
  const other = await createOrder(acme.accountId, {
    shopId: serum.shop.id,
    items: [{ sku: serum.sku, productName: 'Glow Serum', quantity: 3 }],
  });
  otherOrderId = other.id;

  await createStatusHistory(acme.accountId, orderId, {
    fromWorkflowStatus: 'new',
    toWorkflowStatus: 'validated',
    metadata: { event: 'validate' },
    createdAt: new Date('2026-11-01T10:00:00Z'),
  });
  await createStatusHistory(acme.accountId, orderId, {
    fromWorkflowStatus: 'ready_to_ship',
    toWorkflowStatus: 'shipped',
    source: 'carrier',
    reason: 'label scanned',
    createdAt: new Date('2026-11-02T10:00:00Z'),
  });
  const voided = await createShipment(acme.accountId, orderId, {
    status: 'voided',
    voidedAt: new Date(),
    createdAt: new Date('2026-11-01T11:00:00Z'),
  });
  const shipment = await createShipment(acme.accountId, orderId, {
    trackingNumber: '9400123412341234',
    trackingStatus: 'in_transit',
  });
  shipmentId = shipment.id;
  await createLabelDocument(acme.accountId, shipment.id);
  await createTrackingEvent(acme.accountId, shipment, {
    status: 'in_transit',
    occurredAt: new Date('2026-11-03T09:00:00Z'),
  });
  await createTrackingEvent(acme.accountId, shipment, {
    status: 'label_created',
    occurredAt: new Date('2026-11-02T09:00:00Z'),
  });
  expect(voided.id).not.toBe(shipment.id);

  const rival = await createCatalogItem(bravo.accountId);
  bravoOrderId = (await createOrder(bravo.accountId, { shopId: rival.shop.id, items: [{ sku: rival.sku }] }))
    .id;
});

afterAll(() => closeDb());

test('returns the order with items, workflow, history, shipping and tracking', async () => {
  const order = await getOrderOrThrow({ accountId: acme.accountId, claims: acme.claims }, orderId);
  expect(order.items.map((item) => [item.seller_sku, item.quantity, item.line_total_cents])).toEqual([
    ['SERUM-30', 2, 4800],
    ['LIPOIL-1', 1, 1200],
  ]);
  expect(order.workflow).toMatchObject({ status: 'shipped', backordered: false });
  expect(order.status_history.map((entry) => [entry.to_workflow_status, entry.source])).toEqual([
    ['validated', 'system'],
    ['shipped', 'carrier'],
  ]);
  expect(order.status_history[1]!.reason).toBe('label scanned');
  expect(order.status_history.map((entry) => entry.event)).toEqual(['validate', null]);
  const current = order.shipping_info.shipments.find((shipment) => shipment.id === shipmentId)!;
  expect(current).toMatchObject({
    has_label: true,
    label_download_url: `/api/labels/${shipmentId}`,
    tracking_status: 'in_transit',
  });
  expect(order.shipping_info.shipments).toHaveLength(2);
  expect(order.tracking_info).toMatchObject({
    tracking_number: '9400123412341234',
    provider: 'USPS',
    status: 'in_transit',
  });
  expect(order.tracking_info!.events.map((event) => event.status)).toEqual(['in_transit', 'label_created']);
  expect(order.tracking_info!.events[0]!.location).toBe('Oakland, CA');
});

test('another account’s order is not found, for the id and for an impersonated account id', async () => {
  await notFound(getOrderOrThrow({ accountId: bravo.accountId, claims: bravo.claims }, orderId));
  await notFound(getOrderOrThrow({ accountId: acme.accountId, claims: bravo.claims }, orderId));
  await notFound(getOrderOrThrow({ accountId: acme.accountId, claims: acme.claims }, bravoOrderId));
  await notFound(getOrderOrThrow({ accountId: acme.accountId, claims: acme.claims }, 'not-a-uuid'));
});

test('packing slips load several orders in the order asked, leaving out ids this account cannot see', async () => {
  const acmeContext = { accountId: acme.accountId, claims: acme.claims };
  const orders = await getOrderDetails(acmeContext, [otherOrderId, bravoOrderId, 'not-a-uuid', orderId]);
  expect(orders.map((order) => order.id)).toEqual([otherOrderId, orderId]);
  // Loaded together (one statement per kind of row), each order keeps only its own lines, history and shipments.
  expect(orders[0]).toEqual(await getOrderOrThrow(acmeContext, otherOrderId));
  expect(orders[1]).toEqual(await getOrderOrThrow(acmeContext, orderId));
});

test('the pick list sums units per SKU across orders and reports ids it cannot see', async () => {
  const list = await getPickList({ accountId: acme.accountId, claims: acme.claims }, [
    orderId,
    otherOrderId,
    bravoOrderId,
  ]);
  expect(list.lines.map((line) => [line.seller_sku, line.quantity, line.order_count])).toEqual([
    ['LIPOIL-1', 1, 1],
    ['SERUM-30', 5, 2],
  ]);
  expect(list.total_units).toBe(6);
  expect(list.orders).toHaveLength(2);
  expect(list.missing_ids).toEqual([bravoOrderId]);
});
