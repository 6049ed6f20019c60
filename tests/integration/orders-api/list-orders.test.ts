import { closeDb } from '@/lib/db';
import { listOrders, listOrdersQuerySchema, type ListOrdersQueryInput } from '@/lib/orders/queries';
import { createCatalogItem, createOrder, createShipment } from '@/tests/factories/commerce';
import { createTenant, type TestTenant } from '@/tests/factories/tenants';

/**
 * GET /api/orders' domain function against a real Postgres: every filter of the public contract,
 * search across order id, buyer, SKU, product and tracking number, sorting, pagination, the summary,
 * and tenant isolation (the other account's matching rows never appear).
 */
let acme: TestTenant;
let bravo: TestTenant;
const ids: Record<string, string> = {};
const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
const query = (input: ListOrdersQueryInput = {}) => listOrdersQuerySchema.parse(input);

beforeAll(async () => {
  acme = await createTenant('Acme');
  bravo = await createTenant('Bravo');
  const serum = await createCatalogItem(acme.accountId, {
    title: 'Glow Serum',
    sku: { sellerSku: 'SERUM-30', name: '30 ml', priceCents: 2400 },
  });
  const oil = await createCatalogItem(acme.accountId, {
    shop: serum.shop,
    title: 'Lip Oil',
    sku: { sellerSku: 'LIPOIL-1', priceCents: 1200 },
  });

  const first = await createOrder(acme.accountId, {
    shopId: serum.shop.id,
    tiktokOrderId: '576000000000000001',
    tiktokCreatedAt: day('2026-11-01'),
    items: [{ sku: serum.sku, productName: 'Glow Serum', quantity: 2 }],
    recipient: {
      name: 'Ava Stone',
      addressLine1: '1 Main St',
      city: 'Austin',
      state: 'TX',
      postalCode: '78701',
      country: 'US',
    },
    priority: 'VIRAL',
    impactScore: 92.5,
    workflowStatus: 'inventory_reserved',
    dispatchDeadline: new Date(Date.now() - 3600_000),
  });
  const second = await createOrder(acme.accountId, {
    shopId: serum.shop.id,
    tiktokOrderId: '576000000000000002',
    tiktokCreatedAt: day('2026-11-05'),
    items: [{ sku: oil.sku, productName: 'Lip Oil', quantity: 1 }],
    orderStatus: 'IN_TRANSIT',
    workflowStatus: 'shipped',
    priority: 'MED',
    dispatchDeadline: new Date(Date.now() - 3600_000),
    shippedAt: new Date(Date.now() - 7200_000),
  });
  const third = await createOrder(acme.accountId, {
    shopId: serum.shop.id,
    tiktokOrderId: '576000000000000003',
    tiktokCreatedAt: day('2026-11-10'),
    items: [
      { sku: serum.sku, productName: 'Glow Serum', quantity: 1 },
      { sku: oil.sku, productName: 'Lip Oil', quantity: 3 },
    ],
    orderStatus: 'CANCELLED',
    workflowStatus: 'cancelled',
  });
  await createShipment(acme.accountId, second.id, { trackingNumber: '9400111122223333' });
  Object.assign(ids, { first: first.id, second: second.id, third: third.id });

  // The other tenant has a look-alike: same buyer name, same seller SKU, same product.
  const rival = await createCatalogItem(bravo.accountId, {
    title: 'Glow Serum',
    sku: { sellerSku: 'SERUM-30' },
  });
  const theirs = await createOrder(bravo.accountId, {
    shopId: rival.shop.id,
    tiktokOrderId: '576999999999999999',
    items: [{ sku: rival.sku, productName: 'Glow Serum' }],
    recipient: {
      name: 'Ava Stone',
      addressLine1: '9 Elm',
      city: 'Reno',
      state: 'NV',
      postalCode: '89501',
      country: 'US',
    },
  });
  await createShipment(bravo.accountId, theirs.id, { trackingNumber: '9400999988887777' });
  ids.theirs = theirs.id;
});

afterAll(() => closeDb());

test('lists only the account’s orders, newest first, with the contract’s pagination and summary', async () => {
  const result = await listOrders({ accountId: acme.accountId, claims: acme.claims }, query());
  expect(result.orders.map((order) => order.id)).toEqual([ids.third, ids.second, ids.first]);
  expect(result.pagination).toEqual({ page: 1, limit: 25, total: 3, total_pages: 1 });
  expect(result.summary.total_orders).toBe(3);
  // 2×24 + 1×12 + (24 + 3×12) = 48 + 12 + 60
  expect(result.summary.total_amount).toBe(120);
  expect(result.summary.status_breakdown).toMatchObject({
    AWAITING_SHIPMENT: 1,
    IN_TRANSIT: 1,
    CANCELLED: 1,
    DELIVERED: 0,
  });

  const viral = result.orders.find((order) => order.id === ids.first)!;
  expect(viral).toMatchObject({
    priority: 'VIRAL',
    impact_score: 92.5,
    buyer_name: 'Ava Stone',
    destination: { city: 'Austin', state: 'TX', country: 'US' },
    item_count: 2,
    total_amount: 48,
    items_preview: 'Glow Serum (30 ml) ×2',
  });
  expect(result.orders.find((order) => order.id === ids.second)!.tracking_number).toBe('9400111122223333');
});

test('the other tenant sees none of them, even when searching for their values', async () => {
  const asBravo = { accountId: bravo.accountId, claims: bravo.claims };
  expect((await listOrders(asBravo, query())).orders.map((order) => order.id)).toEqual([ids.theirs]);
  expect((await listOrders(asBravo, query({ search: '9400111122223333' }))).orders).toEqual([]);
  // Claims of Bravo with Acme's account id: the explicit filter and RLS both refuse.
  expect((await listOrders({ accountId: acme.accountId, claims: bravo.claims }, query())).orders).toEqual([]);
});

test.each([
  ['order id', '000000000000002', ['second']],
  ['buyer name', 'ava st', ['first']],
  ['seller SKU', 'lipoil', ['third', 'second']],
  ['product name', 'glow', ['third', 'first']],
  ['tracking number on a shipment', '22223333', ['second']],
  ['a LIKE wildcard taken literally', '%', []],
])('search by %s', async (_label, search, expected) => {
  const result = await listOrders({ accountId: acme.accountId, claims: acme.claims }, query({ search }));
  expect(result.orders.map((order) => order.id)).toEqual(expected.map((key) => ids[key]));
});

test('status, workflow status, priority and date filters; status tabs keep their counts', async () => {
  const context = { accountId: acme.accountId, claims: acme.claims };
  const byStatus = await listOrders(context, query({ status: ['IN_TRANSIT', 'CANCELLED'] }));
  expect(byStatus.orders.map((order) => order.id)).toEqual([ids.third, ids.second]);
  expect(byStatus.summary.total_orders).toBe(2);
  expect(byStatus.summary.status_breakdown.AWAITING_SHIPMENT).toBe(1);

  expect(
    (await listOrders(context, query({ workflow_status: ['inventory_reserved'] }))).orders.map((o) => o.id),
  ).toEqual([ids.first]);
  expect((await listOrders(context, query({ priority: ['VIRAL', 'MED'] }))).orders.map((o) => o.id)).toEqual([
    ids.second,
    ids.first,
  ]);
  const window = await listOrders(context, query({ date_from: '2026-11-05', date_to: '2026-11-09' }));
  expect(window.orders.map((order) => order.id)).toEqual([ids.second]);
  const toTheDay = await listOrders(context, query({ date_to: '2026-11-10' }));
  expect(toTheDay.orders).toHaveLength(3);
});

test('overdue: past the dispatch deadline and not shipped (a shipped order past it is not overdue)', async () => {
  const context = { accountId: acme.accountId, claims: acme.claims };
  const overdue = await listOrders(context, listOrdersQuerySchema.parse({ overdue: 'true' }));
  expect(overdue.orders.map((order) => [order.id, order.overdue])).toEqual([[ids.first, true]]);
  const onTime = await listOrders(context, listOrdersQuerySchema.parse({ overdue: 'false' }));
  expect(onTime.orders.map((order) => order.id)).toEqual([ids.third, ids.second]);
});

test('sorting and pagination', async () => {
  const context = { accountId: acme.accountId, claims: acme.claims };
  const cheapestFirst = await listOrders(context, query({ sort_by: 'total_amount', sort_order: 'asc' }));
  expect(cheapestFirst.orders.map((order) => order.total_amount)).toEqual([12, 48, 60]);

  const pageTwo = await listOrders(context, query({ limit: 2, page: 2, sort_order: 'asc' }));
  expect(pageTwo.orders.map((order) => order.id)).toEqual([ids.third]);
  expect(pageTwo.pagination).toEqual({ page: 2, limit: 2, total: 3, total_pages: 2 });
  const beyond = await listOrders(context, query({ limit: 2, page: 9 }));
  expect(beyond.orders).toEqual([]);
  expect(beyond.pagination.total).toBe(3);
});
