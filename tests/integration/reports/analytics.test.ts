import { loadAnalyticsReport } from '@/lib/analytics-reports';
import { closeDb } from '@/lib/db';
import { createCatalogItem, createOrder, createShipment } from '@/tests/factories/commerce';
import { createTenant, type TestTenant } from '@/tests/factories/tenants';

/**
 * The analytics report on a real Postgres, at a fixed "now": orders and revenue per bucket,
 * fulfillment speed percentiles, label spend, top products and the video that drove a spike.
 */
const now = new Date('2026-11-23T15:30:00Z');
const at = (iso: string) => new Date(`2026-11-${iso}Z`);
let acme: TestTenant;
let bravo: TestTenant;

beforeAll(async () => {
  acme = await createTenant('Acme');
  bravo = await createTenant('Bravo');
  const serum = await createCatalogItem(acme.accountId, { title: 'Glow Serum', sku: { priceCents: 2000 } });
  const oil = await createCatalogItem(acme.accountId, {
    shop: serum.shop,
    title: 'Lip Oil',
    sku: { priceCents: 1000 },
  });
  const base = { shopId: serum.shop.id };
  const serumItem = (quantity: number) => [
    { sku: serum.sku, productName: 'Glow Serum', tiktokProductId: 'p-serum', quantity },
  ];

  // A video spike on the 22nd: 2 orders at 09h, 6 at 10h, 4 at 11h, 1 at 13h.
  const spike: [string, number][] = [
    ['22T09:10:00', 2],
    ['22T10:05:00', 6],
    ['22T11:20:00', 4],
    ['22T13:00:00', 1],
  ];
  for (const [time, count] of spike) {
    for (let i = 0; i < count; i += 1) {
      await createOrder(acme.accountId, {
        ...base,
        tiktokCreatedAt: at(time),
        viralContentId: 'video-123',
        items: serumItem(1),
      });
    }
  }
  // Fulfilled orders: paid → shipped in 60 s, 120 s, 30 min; one late for its deadline.
  const shipped: [string, string, string][] = [
    ['21T08:00:00', '21T08:01:00', '21T12:00:00'],
    ['21T09:00:00', '21T09:02:00', '21T12:00:00'],
    ['21T10:00:00', '21T10:30:00', '21T10:10:00'],
  ];
  for (const [paid, out, deadline] of shipped) {
    const order = await createOrder(acme.accountId, {
      ...base,
      tiktokCreatedAt: at(paid),
      paidAt: at(paid),
      shippedAt: at(out),
      dispatchDeadline: at(deadline),
      items: [{ sku: oil.sku, productName: 'Lip Oil', tiktokProductId: 'p-oil', quantity: 2 }],
    });
    await createShipment(acme.accountId, order.id, { purchasedAt: at(out), rateAmountCents: 450 });
  }
  await createOrder(acme.accountId, {
    ...base,
    tiktokCreatedAt: at('20T12:00:00'),
    orderStatus: 'CANCELLED',
    items: serumItem(9),
  });
  await createOrder(acme.accountId, { ...base, tiktokCreatedAt: at('01T12:00:00'), items: serumItem(1) }); // outside 7 days

  const rival = await createCatalogItem(bravo.accountId);
  await createOrder(bravo.accountId, {
    shopId: rival.shop.id,
    tiktokCreatedAt: at('22T10:00:00'),
    viralContentId: 'video-123',
    items: [{ sku: rival.sku, quantity: 50 }],
  });
});

afterAll(() => closeDb());

test('a 7-day report: totals, daily series, fulfillment speed, label spend, top products, videos', async () => {
  const report = await loadAnalyticsReport({ accountId: acme.accountId, claims: acme.claims }, '7d', now);
  expect(report.range).toMatchObject({
    from: '2026-11-17T00:00:00.000Z',
    to: '2026-11-24T00:00:00.000Z',
    granularity: 'day',
  });
  // 13 spike orders × $20 + 3 × 2 × $10
  expect(report.totals).toEqual({
    orders: 16,
    revenue_cents: 32_000,
    units: 19,
    average_order_cents: 2000,
    cancelled: 1,
  });
  expect(report.series).toHaveLength(7);
  expect(report.series.find((point) => point.bucket.startsWith('2026-11-22'))).toEqual({
    bucket: '2026-11-22T00:00:00.000Z',
    orders: 13,
    revenue_cents: 26_000,
  });
  expect(report.series.find((point) => point.bucket.startsWith('2026-11-21'))!.orders).toBe(3);
  expect(report.hour_of_day.find((slot) => slot.hour === 10)!.orders).toBe(7);

  expect(report.fulfillment.shipped).toBe(3);
  // Histogram: 60 s, 120 s (1 s buckets) and 1,800 s (a 60 s bucket). Median: rank 1.5 → 120 + 0.5.
  expect(report.fulfillment.p50_seconds).toBe(120.5);
  expect(report.fulfillment.p95_seconds).toBeGreaterThan(1800);
  expect(report.fulfillment.on_time_rate).toBeCloseTo(2 / 3, 3);

  expect(report.label_spend).toMatchObject({ labels: 3, cost_cents: 1350, average_cents: 450 });
  expect(
    report.top_products.map((product) => [
      product.product_name,
      product.units,
      product.orders,
      product.revenue_cents,
    ]),
  ).toEqual([
    ['Glow Serum', 13, 13, 26_000],
    ['Lip Oil', 6, 3, 6000],
  ]);

  expect(report.videos).toHaveLength(1);
  expect(report.videos[0]).toMatchObject({
    viral_content_id: 'video-123',
    orders: 13,
    revenue_cents: 26_000,
    peak_hour: '2026-11-22T10:00:00.000Z',
    peak_orders_per_hour: 6,
    spike: {
      start: '2026-11-22T10:00:00.000Z',
      end: '2026-11-22T12:00:00.000Z',
      hours: 2,
      orders: 10,
      orders_per_hour: 5,
    },
    share_of_revenue: 0.813,
  });
});

test('a 24-hour report is hourly and only sees the last day', async () => {
  const report = await loadAnalyticsReport(
    { accountId: acme.accountId, claims: acme.claims },
    '24h',
    new Date('2026-11-22T12:30:00Z'),
  );
  expect(report.series).toHaveLength(24);
  expect(report.series.find((point) => point.bucket === '2026-11-22T10:00:00.000Z')!.orders).toBe(6);
  expect(report.totals.orders).toBe(12);
});

test('another tenant’s orders never enter the report', async () => {
  const theirs = await loadAnalyticsReport({ accountId: bravo.accountId, claims: bravo.claims }, '7d', now);
  expect(theirs.totals.orders).toBe(1);
  expect(theirs.videos.map((video) => video.orders)).toEqual([1]);
  const impersonated = await loadAnalyticsReport(
    { accountId: acme.accountId, claims: bravo.claims },
    '7d',
    now,
  );
  expect(impersonated.totals.orders).toBe(0);
});
