// Pushing tracking and stock to TikTok: Ship Package rules, the 72 h correction window, inventory updates.
import type { TikTokShopSimulator } from '@/sandbox/tiktok-shop';

import { clientFor, connectDemoShop, control, startSimulator, startWebhookReceiver } from './helpers';

const USPS = '7117858858072016686';
let sim: TikTokShopSimulator;
beforeEach(async () => {
  sim = await startSimulator();
});
afterEach(() => sim.close());

async function setup(clientNow?: () => number) {
  const { client } = clientFor(sim.url, clientNow ? { now: clientNow } : {});
  const { api } = await connectDemoShop(sim.url, client);
  const { order_ids: ids } = await control<{ order_ids: string[] }>(sim.url, 'POST', '/__sandbox/orders', {
    count: 3,
  });
  const orders = await api.getOrderDetails(ids);
  return { api, orders };
}

describe('ship package', () => {
  it('moves the order to AWAITING_COLLECTION with tracking on order and line items, and records the push', async () => {
    const { api, orders } = await setup();
    const order = orders[0]!;
    await api.shipPackage(order.packages[0]!.id, {
      trackingNumber: '9400111899223197428490',
      shippingProviderId: USPS,
    });

    const [shipped] = await api.getOrderDetails([order.id]);
    expect(shipped).toMatchObject({
      status: 'AWAITING_COLLECTION',
      tracking_number: '9400111899223197428490',
      shipping_provider: 'USPS',
      shipping_provider_id: USPS,
    });
    expect(
      shipped!.line_items.every(
        (item) => item.tracking_number === '9400111899223197428490' && item.package_status === 'PROCESSING',
      ),
    ).toBe(true);
    expect(shipped!.rts_time).toBeGreaterThan(0);

    const state = await control<{ tracking_pushes: unknown[] }>(sim.url, 'GET', '/__sandbox/state');
    expect(state.tracking_pushes).toEqual([
      expect.objectContaining({
        kind: 'ship',
        order_id: order.id,
        package_id: order.packages[0]!.id,
        tracking_number: '9400111899223197428490',
      }),
    ]);
  });

  it('rejects shipping twice (ALREADY_SHIPPED), reused tracking, unknown carriers and cancelled orders', async () => {
    const { api, orders } = await setup();
    const [first, second, third] = orders as [(typeof orders)[0], (typeof orders)[0], (typeof orders)[0]];
    const shipment = { trackingNumber: '1Z999AA10123456784', shippingProviderId: USPS };
    await api.shipPackage(first.packages[0]!.id, shipment);

    await expect(
      api.shipPackage(first.packages[0]!.id, { ...shipment, trackingNumber: '1Z999AA10123456785' }),
    ).rejects.toMatchObject({ kind: 'ALREADY_SHIPPED', code: 21011040 });
    await expect(api.shipPackage(second.packages[0]!.id, shipment)).rejects.toMatchObject({
      kind: 'DUPLICATE_TRACKING',
      code: 21011025,
    });
    await expect(
      api.shipPackage(second.packages[0]!.id, {
        ...shipment,
        trackingNumber: '1Z999AA10123456786',
        shippingProviderId: '123',
      }),
    ).rejects.toMatchObject({ kind: 'INVALID_TRACKING', code: 21011022 });

    await control(sim.url, 'POST', `/__sandbox/orders/${third.id}/cancel`, {});
    await expect(
      api.shipPackage(third.packages[0]!.id, { ...shipment, trackingNumber: '1Z999AA10123456787' }),
    ).rejects.toMatchObject({ kind: 'ORDER_CANCELLED', code: 21011041 });
    expect(sim.state.trackingPushes).toHaveLength(1);
  });

  it('corrects tracking within 72 h and refuses afterwards', async () => {
    let skewMs = 0;
    const { api, orders } = await setup(() => Date.now() + skewMs);
    const order = orders[0]!;
    await expect(
      api.updateShippingInfo(order.id, { trackingNumber: 'TBA123456789000', shippingProviderId: USPS }),
    ).rejects.toMatchObject({ kind: 'NOT_SHIPPED', code: 21011043 });
    await api.shipPackage(order.packages[0]!.id, {
      trackingNumber: 'TBA123456789001',
      shippingProviderId: USPS,
    });
    await api.updateShippingInfo(order.id, {
      trackingNumber: 'TBA123456789002',
      shippingProviderId: '7117859084333745966',
    });
    const [updated] = await api.getOrderDetails([order.id]);
    expect(updated).toMatchObject({ tracking_number: 'TBA123456789002', shipping_provider: 'UPS' });

    await control(sim.url, 'POST', '/__sandbox/clock', { offsetSeconds: 73 * 3600 });
    skewMs = 73 * 3600 * 1000;
    await expect(
      api.updateShippingInfo(order.id, { trackingNumber: 'TBA123456789003', shippingProviderId: USPS }),
    ).rejects.toMatchObject({ kind: 'TRACKING_UPDATE_WINDOW_CLOSED', code: 21011050 });
    expect(sim.state.trackingPushes.map((push) => push.kind)).toEqual(['ship', 'update']);
  });

  it('follows the carrier: advance walks AWAITING_COLLECTION → IN_TRANSIT → DELIVERED → COMPLETED', async () => {
    const { api, orders } = await setup();
    const order = orders[0]!;
    await api.shipPackage(order.packages[0]!.id, {
      trackingNumber: '9400111899223197428491',
      shippingProviderId: USPS,
    });
    const statuses: string[] = [];
    for (let i = 0; i < 3; i += 1)
      statuses.push(
        (await control<{ status: string }>(sim.url, 'POST', `/__sandbox/orders/${order.id}/advance`)).status,
      );
    expect(statuses).toEqual(['IN_TRANSIT', 'DELIVERED', 'COMPLETED']);
    await expect(control(sim.url, 'POST', `/__sandbox/orders/${order.id}/advance`)).rejects.toThrow(/409/);
    const [done] = await api.getOrderDetails([order.id]);
    expect(done).toMatchObject({
      status: 'COMPLETED',
      delivery_time: expect.any(Number),
      collection_time: expect.any(Number),
    });
  });
});

describe('batch ship packages', () => {
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  beforeEach(async () => {
    // This block's simulator delivers webhooks, to check each shipped package emits its own.
    await sim.close();
    receiver = await startWebhookReceiver();
    sim = await startSimulator({ webhookUrl: receiver.url });
  });
  afterEach(() => receiver.close());

  const pkg = (order: { packages: { id: string }[] }, trackingNumber: string, shippingProviderId = USPS) => ({
    packageId: order.packages[0]!.id,
    trackingNumber,
    shippingProviderId,
  });

  it('ships the valid packages in one call and refuses the others per package with Ship Package’s codes', async () => {
    const { client, requests } = clientFor(sim.url);
    const { api } = await connectDemoShop(sim.url, client);
    const { order_ids: ids } = await control<{ order_ids: string[] }>(sim.url, 'POST', '/__sandbox/orders', {
      count: 6,
    });
    const orders = await api.getOrderDetails(ids);
    const [shippedBefore, cancelled, first, badCarrier, reused, second] = ids.map((id) =>
      orders.find((order) => order.id === id)!,
    ) as [
      (typeof orders)[0],
      (typeof orders)[0],
      (typeof orders)[0],
      (typeof orders)[0],
      (typeof orders)[0],
      (typeof orders)[0],
    ];
    await api.shipPackage(shippedBefore.packages[0]!.id, {
      trackingNumber: 'TBA000000000001',
      shippingProviderId: USPS,
    });
    await control(sim.url, 'POST', `/__sandbox/orders/${cancelled.id}/cancel`, {});
    await sim.webhooksIdle();
    const webhooksBefore = sim.sim.webhooks.deliveries.length;
    requests.length = 0;

    const results = await api.shipPackages([
      pkg(first, 'TBA000000000002'),
      pkg(shippedBefore, 'TBA000000000003'),
      pkg(cancelled, 'TBA000000000004'),
      pkg(badCarrier, 'TBA000000000005', '123'),
      pkg(reused, 'TBA000000000002'),
      pkg(second, 'TBA000000000006', '7117859084333745966'),
      { packageId: '1100000000000000001', trackingNumber: 'TBA000000000007', shippingProviderId: USPS },
    ]);

    expect(requests).toEqual(['POST /fulfillment/202309/packages/ship']);
    expect(
      results.map((result) =>
        result.ok ? [result.packageId, 'ok'] : [result.packageId, result.error.kind, result.error.code],
      ),
    ).toEqual([
      [first.packages[0]!.id, 'ok'],
      [shippedBefore.packages[0]!.id, 'ALREADY_SHIPPED', 21011040],
      [cancelled.packages[0]!.id, 'ORDER_CANCELLED', 21011041],
      [badCarrier.packages[0]!.id, 'INVALID_TRACKING', 21011022],
      [reused.packages[0]!.id, 'DUPLICATE_TRACKING', 21011025],
      [second.packages[0]!.id, 'ok'],
      ['1100000000000000001', 'INVALID_PARAMS', 36009004],
    ]);
    expect(results[1]).toMatchObject({
      ok: false,
      error: { name: 'TikTokApiError', retryable: false, endpoint: 'POST /fulfillment/202309/packages/ship' },
    });
    // Accepted packages: the same effects as Ship Package, each recorded once with its acceptance time.
    const shipped = await api.getOrderDetails([first.id, second.id, badCarrier.id, reused.id]);
    expect(shipped.map((order) => [order.id, order.status, order.tracking_number ?? ''])).toEqual(
      expect.arrayContaining([
        [first.id, 'AWAITING_COLLECTION', 'TBA000000000002'],
        [second.id, 'AWAITING_COLLECTION', 'TBA000000000006'],
        [badCarrier.id, 'AWAITING_SHIPMENT', ''],
        [reused.id, 'AWAITING_SHIPMENT', ''],
      ]),
    );
    expect(sim.state.trackingPushes.map((push) => [push.kind, push.orderId, push.trackingNumber])).toEqual([
      ['ship', shippedBefore.id, 'TBA000000000001'],
      ['ship', first.id, 'TBA000000000002'],
      ['ship', second.id, 'TBA000000000006'],
    ]);
    expect(sim.state.trackingPushes.every((push) => typeof push.acceptedAtMs === 'number')).toBe(true);
    await sim.webhooksIdle();
    const statusChanges = sim.sim.webhooks.deliveries
      .slice(webhooksBefore)
      .map(
        (delivery) =>
          JSON.parse(delivery.body) as { type: number; data: { order_id: string; order_status: string } },
      )
      .map(({ type, data }) => [type, data.order_id, data.order_status]);
    expect(statusChanges.sort()).toEqual(
      [
        [1, first.id, 'AWAITING_COLLECTION'],
        [1, second.id, 'AWAITING_COLLECTION'],
      ].sort(),
    );
  });

  it('sends nothing for an empty list, more than 50 packages or a package listed twice', async () => {
    const { client, requests } = clientFor(sim.url);
    const { api } = await connectDemoShop(sim.url, client);
    requests.length = 0;
    const many = Array.from({ length: 51 }, (_, n) => ({
      packageId: `11${String(n).padStart(17, '0')}`,
      trackingNumber: `TBA${String(n).padStart(12, '0')}`,
      shippingProviderId: USPS,
    }));
    expect(await api.shipPackages([])).toEqual([]);
    await expect(api.shipPackages(many)).rejects.toThrow(/at most 50 packages, got 51/);
    await expect(
      api.shipPackages([many[0]!, { ...many[0]!, trackingNumber: 'TBA999999999999' }]),
    ).rejects.toThrow(/each package once/);
    expect(requests).toEqual([]);
  });

  it('reads TikTok’s per-package errors by package id, and refuses an answer naming a package it was not sent', async () => {
    let answer: unknown;
    const { client } = clientFor(sim.url, {
      fetch: (input, init) =>
        new URL(String(input)).pathname === '/fulfillment/202309/packages/ship'
          ? Promise.resolve(
              new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } }),
            )
          : fetch(input, init),
    });
    const { api } = await connectDemoShop(sim.url, client);
    const packages = ['1101', '1102', '1103'].map((packageId) => ({
      packageId,
      trackingNumber: 'TBA000000000001',
      shippingProviderId: USPS,
    }));
    answer = {
      code: 0,
      message: 'Success',
      request_id: '202401010000000000000000000000000000',
      data: {
        errors: [
          { code: 10007014, message: 'package in freeze status', detail: { package_id: '1103' } },
          { code: 21011040, message: 'already shipped', detail: { package_id: '1101' } },
        ],
      },
    };
    const results = await api.shipPackages(packages);
    expect(results.map((result) => (result.ok ? 'ok' : `${result.error.kind} ${result.error.code}`))).toEqual(
      ['ALREADY_SHIPPED 21011040', 'ok', 'UNKNOWN 10007014'],
    );
    expect(results[2]).toMatchObject({ ok: false, error: { message: expect.stringContaining('freeze') } });

    answer = {
      code: 0,
      message: 'Success',
      data: { errors: [{ code: 21011040, message: 'x', detail: { package_id: '9' } }] },
    };
    await expect(api.shipPackages(packages)).rejects.toMatchObject({ kind: 'INVALID_RESPONSE' });
    answer = { code: 0, message: 'Success', data: { errors: [{ code: 21011040, message: 'x' }] } };
    await expect(api.shipPackages(packages)).rejects.toMatchObject({ kind: 'INVALID_RESPONSE' });
    answer = { code: 0, message: 'Success', data: {} };
    expect((await api.shipPackages(packages)).every((result) => result.ok)).toBe(true);
  });
});

describe('inventory update', () => {
  it('applies valid SKUs and reports per-SKU errors with code 0 overall', async () => {
    const { client } = clientFor(sim.url);
    const { api } = await connectDemoShop(sim.url, client);
    const lipOil = [...sim.state.products.values()].find((p) => p.title.startsWith('Hydra Lip Oil'))!;
    const warehouseId = [...lipOil.skus[0]!.inventory.keys()][0]!;
    const [rose, peach] = lipOil.skus;

    const result = await api.updateInventory(lipOil.id, [
      { id: rose!.id, inventory: [{ warehouse_id: warehouseId, quantity: 500 }] },
      { id: peach!.id, inventory: [{ warehouse_id: '999', quantity: 5 }] },
      { id: '1', inventory: [{ warehouse_id: warehouseId, quantity: 5 }] },
    ]);

    expect(rose!.inventory.get(warehouseId)).toBe(500);
    expect(peach!.inventory.get(warehouseId)).toBe(120);
    expect(result.errors.map((e) => [e.skuId, e.kind])).toEqual([
      [peach!.id, 'WAREHOUSE_NOT_FOUND'],
      ['1', 'SKU_NOT_FOUND'],
    ]);
    expect(sim.state.inventoryUpdates).toEqual([
      expect.objectContaining({ productId: lipOil.id, rejectedSkus: 2 }),
    ]);
  });

  it('refuses an inactive product as a whole', async () => {
    const { client } = clientFor(sim.url);
    const { api } = await connectDemoShop(sim.url, client);
    const product = [...sim.state.products.values()][2]!;
    await control(sim.url, 'POST', `/__sandbox/products/${product.id}`, { status: 'SELLER_DEACTIVATED' });
    await expect(
      api.updateInventory(product.id, [
        { id: product.skus[0]!.id, inventory: [{ warehouse_id: 'x', quantity: 1 }] },
      ]),
    ).rejects.toMatchObject({ kind: 'PRODUCT_STATUS_NOT_ALLOWED', code: 12052901 });
    await expect(
      api.updateInventory('42', [{ id: '1', inventory: [{ warehouse_id: 'x', quantity: 1 }] }]),
    ).rejects.toMatchObject({ kind: 'PRODUCT_NOT_FOUND' });
  });
});
