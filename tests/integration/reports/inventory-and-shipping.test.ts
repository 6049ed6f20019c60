import { closeDb } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { listInventory, listOpenAlerts } from '@/lib/inventory/queries';
import {
  getLabelDocument,
  getShippingSummary,
  listShipments,
  listShipmentsQuerySchema,
} from '@/lib/orders/queries';
import {
  createAlert,
  createCatalogItem,
  createLabelDocument,
  createOrder,
  createShipment,
  setInventoryLevel,
} from '@/tests/factories/commerce';
import { createTenant, type TestTenant } from '@/tests/factories/tenants';

/** Inventory velocity and alerts, shipping spend and labels, read through RLS for one tenant. */
let acme: TestTenant;
let bravo: TestTenant;
const skus: Record<string, string> = {};
const shipments: Record<string, string> = {};
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000);

beforeAll(async () => {
  acme = await createTenant('Acme');
  bravo = await createTenant('Bravo');
  const hot = await createCatalogItem(acme.accountId, {
    title: 'Glow Serum',
    sku: { sellerSku: 'HOT', lowStockThreshold: 5 },
    onHand: 60,
    reserved: 12,
  });
  await setInventoryLevel(acme.accountId, hot.sku.id, { warehouseId: 'WH-2', onHand: 10 });
  const calm = await createCatalogItem(acme.accountId, {
    shop: hot.shop,
    title: 'Lip Oil',
    sku: { sellerSku: 'CALM' },
    onHand: 500,
  });
  const empty = await createCatalogItem(acme.accountId, {
    shop: hot.shop,
    title: 'Old Mask',
    sku: { sellerSku: 'EMPTY' },
    onHand: 0,
  });
  Object.assign(skus, { hot: hot.sku.id, calm: calm.sku.id, empty: empty.sku.id });

  // HOT: 48 units in the last day, 24 more three days ago, and a cancelled order that must not count.
  await createOrder(acme.accountId, {
    shopId: hot.shop.id,
    tiktokCreatedAt: hoursAgo(2),
    items: [{ sku: hot.sku, quantity: 40 }],
  });
  await createOrder(acme.accountId, {
    shopId: hot.shop.id,
    tiktokCreatedAt: hoursAgo(20),
    items: [{ sku: hot.sku, quantity: 8 }],
  });
  await createOrder(acme.accountId, {
    shopId: hot.shop.id,
    tiktokCreatedAt: hoursAgo(72),
    items: [{ sku: hot.sku, quantity: 24 }],
  });
  await createOrder(acme.accountId, {
    shopId: hot.shop.id,
    tiktokCreatedAt: hoursAgo(1),
    orderStatus: 'CANCELLED',
    items: [{ sku: hot.sku, quantity: 100 }],
  });
  // CALM: 7 units over the week, none today; and one sale older than a week that must not count.
  const calmOrder = await createOrder(acme.accountId, {
    shopId: hot.shop.id,
    tiktokCreatedAt: hoursAgo(100),
    items: [{ sku: calm.sku, quantity: 7 }],
  });
  await createOrder(acme.accountId, {
    shopId: hot.shop.id,
    tiktokCreatedAt: hoursAgo(24 * 9),
    items: [{ sku: calm.sku, quantity: 50 }],
  });

  await createAlert(acme.accountId, {
    kind: 'low_stock',
    severity: 'critical',
    title: 'Out of stock: EMPTY',
    entityType: 'sku',
    entityId: empty.sku.id,
  });
  await createAlert(acme.accountId, {
    kind: 'low_stock',
    title: 'resolved long ago',
    entityType: 'sku',
    entityId: hot.sku.id,
    resolvedAt: new Date(),
  });
  await createAlert(acme.accountId, {
    kind: 'shop_disconnected',
    severity: 'warning',
    title: 'Shop disconnected',
  });

  const bought = await createShipment(acme.accountId, calmOrder.id, {
    rateAmountCents: 500,
    purchasedAt: hoursAgo(3),
    provider: 'USPS',
    servicelevelName: 'Ground',
  });
  await createLabelDocument(acme.accountId, bought.id, { bytes: Buffer.from('%PDF-1.7 label bytes') });
  const old = await createShipment(acme.accountId, calmOrder.id, {
    rateAmountCents: 900,
    purchasedAt: hoursAgo(24 * 5),
    provider: 'UPS',
    servicelevelName: 'Ground',
    trackingStatus: 'delivered',
  });
  const voided = await createShipment(acme.accountId, calmOrder.id, {
    rateAmountCents: 700,
    status: 'voided',
    purchasedAt: hoursAgo(4),
    labelUrl: 'javascript:alert(1)',
  });
  const linked = await createShipment(acme.accountId, calmOrder.id, {
    status: 'failed',
    purchasedAt: null,
    labelUrl: 'https://labels.example/x.pdf',
    lastError: 'address invalid',
  });
  Object.assign(shipments, { bought: bought.id, old: old.id, voided: voided.id, linked: linked.id });

  // Another tenant with a fast seller of its own: none of it may leak into Acme's figures.
  const rival = await createCatalogItem(bravo.accountId, { onHand: 1 });
  const rivalOrder = await createOrder(bravo.accountId, {
    shopId: rival.shop.id,
    tiktokCreatedAt: hoursAgo(1),
    items: [{ sku: rival.sku, quantity: 999 }],
  });
  shipments.rival = (await createShipment(bravo.accountId, rivalOrder.id, { rateAmountCents: 99_999 })).id;
});

afterAll(() => closeDb());

test('inventory: stock per warehouse, velocity over 24 h and 7 d, status, alerts, most urgent first', async () => {
  const overview = await listInventory({ accountId: acme.accountId, claims: acme.claims });
  // Both critical: HOT (1.2 days left at its pace) before EMPTY (nothing left, but nothing selling).
  expect(overview.rows.map((row) => row.seller_sku)).toEqual(['HOT', 'EMPTY', 'CALM']);
  const [hot, empty, calm] = overview.rows;

  expect(hot).toMatchObject({
    on_hand: 70,
    reserved: 12,
    available: 58,
    units_sold_24h: 48,
    units_sold_7d: 72,
  });
  expect(hot!.warehouses).toEqual([
    { warehouse_id: 'WH-1', on_hand: 60, reserved: 12, available: 48 },
    { warehouse_id: 'WH-2', on_hand: 10, reserved: 0, available: 10 },
  ]);
  // 48/24 h = 2/h beats 72/168 h: plan for 48 a day → 58 units last 1.2 days: critical, reorder.
  expect(hot!.plan).toMatchObject({
    velocity24h: 2,
    planningVelocity: 2,
    daysOfCover: 1.2,
    status: 'critical',
  });
  expect(hot!.plan.reorderQuantity).toBe(48 * 37 - 58);
  expect(hot!.alerts).toEqual([]);

  expect(calm).toMatchObject({ units_sold_24h: 0, units_sold_7d: 7 });
  expect(calm!.plan.status).toBe('ok');
  expect(empty!.plan.status).toBe('critical');
  expect(empty!.alerts.map((alert) => alert.title)).toEqual(['Out of stock: EMPTY']);
  expect(overview.totals).toMatchObject({
    skus: 3,
    critical: 2,
    units_available: 558,
    units_reserved: 12,
    open_alerts: 1,
  });

  const open = await listOpenAlerts({ accountId: acme.accountId, claims: acme.claims });
  expect(open.total).toBe(2);
  expect(open.alerts.map((alert) => alert.title)).toEqual(['Out of stock: EMPTY', 'Shop disconnected']);
});

test('inventory and alerts of another tenant are invisible', async () => {
  const overview = await listInventory({ accountId: bravo.accountId, claims: bravo.claims });
  expect(overview.rows).toHaveLength(1);
  expect((await listInventory({ accountId: acme.accountId, claims: bravo.claims })).rows).toEqual([]);
  expect((await listOpenAlerts({ accountId: acme.accountId, claims: bravo.claims })).total).toBe(0);
});

test('shipping: spend per window counts purchased labels only; labels list newest first', async () => {
  const context = { accountId: acme.accountId, claims: acme.claims };
  const summary = await getShippingSummary(context);
  expect(summary.spend).toEqual([
    { window: '24h', labels: 1, cost: 5, currency: 'USD' },
    { window: '7d', labels: 2, cost: 14, currency: 'USD' },
    { window: '30d', labels: 2, cost: 14, currency: 'USD' },
  ]);
  expect(summary.by_service.map((row) => [row.provider, row.labels, row.cost])).toEqual([
    ['UPS', 1, 9],
    ['USPS', 1, 5],
  ]);
  expect(summary.needs_attention).toBe(1);

  const page = await listShipments(context, listShipmentsQuerySchema.parse({}));
  expect(page.total).toBe(4);
  expect(page.shipments.map((shipment) => shipment.id)).toEqual(
    expect.arrayContaining([shipments.bought, shipments.old, shipments.voided, shipments.linked]),
  );
  expect(page.shipments.find((shipment) => shipment.id === shipments.voided)!.label_download_url).toBeNull();
  // A failed purchase is not offered for printing even if the carrier left a URL behind.
  expect(page.shipments.find((shipment) => shipment.id === shipments.linked)!.label_download_url).toBeNull();
  expect(page.shipments.find((shipment) => shipment.id === shipments.bought)!.label_download_url).toBe(
    `/api/labels/${shipments.bought}`,
  );
  const failed = await listShipments(context, listShipmentsQuerySchema.parse({ status: 'failed' }));
  expect(failed.shipments.map((shipment) => shipment.last_error)).toEqual(['address invalid']);
});

test('label documents: stored bytes, else a safe redirect; another tenant’s label is not found', async () => {
  const context = { accountId: acme.accountId, claims: acme.claims };
  const stored = await getLabelDocument(context, shipments.bought!);
  expect(stored.kind === 'file' && stored.bytes.toString()).toBe('%PDF-1.7 label bytes');
  expect(stored.kind === 'file' && stored.filename).toMatch(/^label-\w+\.pdf$/);
  expect(await getLabelDocument(context, shipments.linked!)).toEqual({
    kind: 'redirect',
    url: 'https://labels.example/x.pdf',
  });

  for (const attempt of [
    () => getLabelDocument(context, shipments.voided!), // a javascript: URL is never a redirect target
    () => getLabelDocument(context, shipments.rival!),
    () => getLabelDocument({ accountId: bravo.accountId, claims: bravo.claims }, shipments.bought!),
    () => getLabelDocument(context, 'nope'),
  ]) {
    const error = await attempt().then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(isAppError(error) && error.code).toBe('NOT_FOUND');
  }
});
