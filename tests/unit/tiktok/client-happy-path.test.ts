// The client against the in-process simulator: consent → tokens → shops → orders → details → products.
import { ORDER_STATUS, type TikTokOrder } from '@/lib/tiktok';
import { DEMO_SHOP_ID, type TikTokShopSimulator } from '@/sandbox/tiktok-shop';

import { clientFor, connectDemoShop, control, startSimulator } from './helpers';

let sim: TikTokShopSimulator;
beforeEach(async () => {
  sim = await startSimulator();
});
afterEach(() => sim.close());

const unitsBySku = (order: TikTokOrder) =>
  order.line_items.reduce<Record<string, number>>(
    (acc, item) => ({ ...acc, [item.sku_id]: (acc[item.sku_id] ?? 0) + 1 }),
    {},
  );

describe('TikTok client ↔ simulator happy path', () => {
  it('exchanges a consent code for tokens with absolute expiry times', async () => {
    const { client } = clientFor(sim.url);
    const before = Date.now();
    const { tokens, shop } = await connectDemoShop(sim.url, client);

    expect(tokens.openId).toMatch(/^\d+$/);
    expect(tokens.sellerName).toBe('CreatorFlow Demo Seller');
    const sevenDays = 7 * 86400 * 1000;
    expect(tokens.accessTokenExpiresAt.getTime()).toBeGreaterThanOrEqual(
      Math.floor(before / 1000) * 1000 + sevenDays - 1000,
    );
    expect(tokens.accessTokenExpiresAt.getTime()).toBeLessThanOrEqual(Date.now() + sevenDays);
    expect(tokens.refreshTokenExpiresAt.getTime()).toBeGreaterThan(tokens.accessTokenExpiresAt.getTime());
    expect(tokens.grantedScopes).toContain('seller.order.info');
    expect(shop).toMatchObject({ id: DEMO_SHOP_ID, region: 'US', seller_type: 'LOCAL' });
    expect(shop.cipher).toMatch(/^ROW_/);
  });

  it('refuses to reuse a consent code (single use)', async () => {
    const { client } = clientFor(sim.url);
    const { code } = await control<{ code: string }>(sim.url, 'POST', '/__sandbox/authorize', {});
    await client.exchangeAuthCode(code);
    await expect(client.exchangeAuthCode(code)).rejects.toMatchObject({
      kind: 'INVALID_GRANT',
      code: 36004004,
    });
  });

  it('creates paid orders, finds them by search and reads their details', async () => {
    const { client } = clientFor(sim.url);
    const { api } = await connectDemoShop(sim.url, client);
    const skuId = sim.state.products.values().next().value!.skus[0]!.id;
    const { order_ids: ids } = await control<{ order_ids: string[] }>(sim.url, 'POST', '/__sandbox/orders', {
      count: 3,
      sku_id: skuId,
      quantity: 2,
    });
    expect(ids).toHaveLength(3);

    const page1 = await api.searchOrders({
      filters: { orderStatus: ORDER_STATUS.AWAITING_SHIPMENT },
      pageSize: 2,
      sortOrder: 'ASC',
    });
    expect(page1.totalCount).toBe(3);
    expect(page1.items).toHaveLength(2);
    expect(page1.nextPageToken).toBeDefined();
    const page2 = await api.searchOrders({
      filters: { orderStatus: 'AWAITING_SHIPMENT' },
      pageSize: 2,
      sortOrder: 'ASC',
      pageToken: page1.nextPageToken,
    });
    expect(page2.nextPageToken).toBeUndefined();
    expect([...page1.items, ...page2.items].map((o) => o.id).sort()).toEqual([...ids].sort());

    const details = await api.getOrderDetails(ids);
    expect(details).toHaveLength(3);
    for (const order of details) {
      expect(order.status).toBe('AWAITING_SHIPMENT');
      expect(unitsBySku(order)).toEqual({ [skuId]: 2 }); // one line item per unit
      expect(order.payment.total_amount).toMatch(/^\d+\.\d{2}$/);
      expect(order.recipient_address?.district_info.map((d) => d.address_level)).toEqual([
        'L0',
        'L1',
        'L2',
        'L3',
      ]);
      expect(order.packages).toHaveLength(1);
      expect(order.line_items.every((item) => item.package_id === order.packages[0]!.id)).toBe(true);
      expect(order.rts_sla_time).toBeGreaterThan(order.create_time);
      expect(order.shipping_due_time).toBeGreaterThan(order.rts_sla_time!);
    }

    const recent = await api.searchOrders({ filters: { updateTimeGe: new Date(Date.now() + 3600_000) } });
    expect(recent.items).toHaveLength(0);
  });

  it('lists products with SKUs, prices and per-warehouse inventory, and shipping providers', async () => {
    const { client } = clientFor(sim.url);
    const { api } = await connectDemoShop(sim.url, client);
    const products = await api.searchProducts({ status: 'ACTIVATE', pageSize: 100 });
    expect(products.totalCount).toBe(6);
    const serum = products.items.find((p) => p.title.startsWith('Glow Serum 30ml'))!;
    expect(serum.skus.map((s) => s.seller_sku)).toEqual(['GLOW-30ML', 'GLOW-30ML-2PK']);
    expect(serum.skus[0]!.price).toMatchObject({ currency: 'USD', sale_price: '24.99' });
    expect(serum.skus[0]!.inventory).toEqual([{ warehouse_id: expect.any(String), quantity: 240 }]);

    const bySku = await api.searchProducts({ sellerSkus: ['HLO-PEACH'] });
    expect(bySku.items.map((p) => p.title)).toEqual(['Hydra Lip Oil 4ml']);

    const [warehouse] = await api.getWarehouses();
    expect(warehouse!.id).toBe(serum.skus[0]!.inventory[0]!.warehouse_id);
    const shop = sim.state.shops.get(DEMO_SHOP_ID)!;
    const providers = await api.getShippingProviders(shop.deliveryOptions[0]!.id);
    expect(providers.map((p) => p.name)).toEqual(expect.arrayContaining(['USPS', 'UPS', 'FedEx']));
  });

  it('hides the address while an order is ON_HOLD and shows it once released', async () => {
    await sim.close();
    sim = await startSimulator({ onHoldMs: 3_600_000 });
    const { client } = clientFor(sim.url);
    const { api } = await connectDemoShop(sim.url, client);
    const {
      order_ids: [id],
    } = await control<{ order_ids: string[] }>(sim.url, 'POST', '/__sandbox/orders', { count: 1 });

    const [held] = await api.getOrderDetails([id!]);
    expect(held).toMatchObject({ status: 'ON_HOLD', is_on_hold_order: true });
    expect(held!.recipient_address).toBeUndefined();

    await control(sim.url, 'POST', `/__sandbox/orders/${id}/advance`);
    const [released] = await api.getOrderDetails([id!]);
    expect(released!.status).toBe('AWAITING_SHIPMENT');
    expect(released!.recipient_address?.name).toBeTruthy();
  });

  it('refuses more than 50 ids before calling TikTok', async () => {
    const { client, requests } = clientFor(sim.url);
    const { api } = await connectDemoShop(sim.url, client);
    const count = requests.length;
    await expect(api.getOrderDetails(Array.from({ length: 51 }, (_, i) => String(i + 1)))).rejects.toThrow(
      RangeError,
    );
    expect(requests).toHaveLength(count);
  });
});
