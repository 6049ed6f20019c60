// Pushing tracking and stock to TikTok: Ship Package rules, the 72 h correction window, inventory updates.
import type { TikTokShopSimulator } from '@/sandbox/tiktok-shop';

import { clientFor, connectDemoShop, control, startSimulator } from './helpers';

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
