import { sql } from 'drizzle-orm';
import { PermanentJobError } from '@/lib/queue/define-job';
import { connectTenant, control, startHarness, type Harness, type SimOrderView } from './harness';

/**
 * What CreatorFlow tells TikTok: tracking numbers of bought labels (Ship Package, idempotent, corrected
 * when the label changes) and available stock per SKU and warehouse (inventory/update, only what changed).
 */
let h: Harness;
let accountId: string;
let shopRowId: string;

beforeAll(async () => {
  h = await startHarness();
  ({ tenant: { accountId }, shop: { id: shopRowId } } = await connectTenant(h, 'Pushes'));
  await h.app.server.importShopProducts({ accountId, shopId: shopRowId, full: true });
});

afterAll(() => h?.close());

const db = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => h.app.db.asSystem((tx) => tx.execute<T>(query)).then((r) => r.rows);

async function storedOrder(): Promise<{ id: string; tiktokOrderId: string }> {
  const { order_ids: [tiktokOrderId] } = await control<{ order_ids: string[] }>(h.sim.url, 'POST', '/__sandbox/orders', { count: 1 });
  await h.sim.webhooksIdle();
  await h.app.server.syncRequestedOrders({ accountId, shopId: shopRowId });
  const [order] = await db<{ id: string }>(sql`select id from public.orders where tiktok_order_id = ${tiktokOrderId!}`);
  return { id: order!.id, tiktokOrderId: tiktokOrderId! };
}

async function buyLabel(orderId: string, trackingNumber: string, provider = 'USPS') {
  await db(sql`update public.shipments set status = 'voided' where order_id = ${orderId}`);
  await db(sql`insert into public.shipments (account_id, order_id, package_ref, carrier, status, provider, tracking_number, purchased_at)
    values (${accountId}, ${orderId}, ${`pkg-${trackingNumber}`}, 'shippo', 'purchased', ${provider}, ${trackingNumber}, now())`);
}

const simOrder = async (id: string) => (await control<{ order: SimOrderView }>(h.sim.url, 'GET', `/__sandbox/orders/${id}`)).order;

describe('tiktok.push-tracking', () => {
  test('ships the package with our tracking number and TikTok’s id for the carrier, once', async () => {
    const order = await storedOrder();
    await buyLabel(order.id, '9400111899223344556677');
    expect(await h.app.server.pushTrackingToTikTok({ accountId, orderId: order.id })).toBe('pushed');
    const remote = await simOrder(order.tiktokOrderId);
    expect(remote).toMatchObject({ status: 'AWAITING_COLLECTION', tracking_number: '9400111899223344556677', shipping_provider: 'USPS' });
    const [row] = await db<{ tracking_pushed_at: string | null; tracking_number: string }>(
      sql`select tracking_pushed_at, tracking_number from public.orders where id = ${order.id}`,
    );
    expect(row!.tracking_pushed_at).not.toBeNull();
    expect(await h.app.server.pushTrackingToTikTok({ accountId, orderId: order.id })).toBe('already_pushed');
  });

  test('an order waiting for the hand-over ships when TikTok takes its tracking number, once, with its history and email', async () => {
    const order = await storedOrder();
    await buyLabel(order.id, '9400111899223344550001');
    await db(sql`update public.orders set workflow_status = 'ready_to_ship', last_error = 'an earlier push timed out' where id = ${order.id}`);
    expect(await h.app.server.pushTrackingToTikTok({ accountId, orderId: order.id })).toBe('pushed');
    const moves = () => db<{ from_workflow_status: string; source: string; reason: string }>(
      sql`select from_workflow_status, source, reason from public.order_status_history where order_id = ${order.id} and to_workflow_status = 'shipped'`,
    );
    expect(await moves()).toEqual([{ from_workflow_status: 'ready_to_ship', source: 'tiktok_shop', reason: 'TikTok Shop accepted the tracking number' }]);
    // The move to shipped writes the push too (one UPDATE carries both).
    const pushedRow = () => db<{ workflow_status: string; shipped: boolean; pushed: boolean; tracking_number: string; shipping_provider: string; last_error: string | null }>(sql`
      select workflow_status, shipped_at is not null as shipped, tracking_pushed_at is not null as pushed, tracking_number, shipping_provider, last_error
      from public.orders where id = ${order.id}`);
    const pushed = { workflow_status: 'shipped', shipped: true, pushed: true, tracking_number: '9400111899223344550001', shipping_provider: 'USPS', last_error: null };
    expect(await pushedRow()).toEqual([pushed]);
    const [audit] = await db<{ n: number }>(sql`select count(*)::int as n from public.audit_log where entity_id = ${order.id} and action = 'order.ship'`);
    expect(audit!.n).toBe(1);
    const emails = await db<{ n: number }>(sql`select count(*)::int as n from pgboss.job where name = 'email.send-email' and data->>'idempotencyKey' = ${`order-shipped:${order.id}`}`);
    expect(emails[0]!.n).toBe(1);

    // A replay (the job retried after a lost answer) and TikTok's status change that follows move nothing again.
    await db(sql`update public.orders set tracking_pushed_at = null where id = ${order.id}`);
    expect(await h.app.server.pushTrackingToTikTok({ accountId, orderId: order.id })).toBe('pushed');
    expect(await pushedRow()).toEqual([pushed]); // recorded on the shipped order, which does not move
    await h.sim.webhooksIdle();
    await h.app.server.syncRequestedOrders({ accountId, shopId: shopRowId });
    const [synced] = await db<{ order_status: string }>(sql`select order_status from public.orders where id = ${order.id}`);
    expect(synced!.order_status).toBe('AWAITING_COLLECTION');
    expect(await moves()).toHaveLength(1);
    const advance = await db<{ n: number }>(sql`select count(*)::int as n from pgboss.job where name = 'orders.advance-order' and data->>'orderId' = ${order.id} and data->>'reason' = 'tiktok_status:AWAITING_COLLECTION'`);
    expect(advance[0]!.n).toBe(0);
  });

  test('a replay after a lost answer is not a second shipment; a new label corrects TikTok’s tracking', async () => {
    const order = await storedOrder();
    await buyLabel(order.id, '1Z999AA10123456784', 'UPS');
    await h.app.server.pushTrackingToTikTok({ accountId, orderId: order.id });
    await db(sql`update public.orders set tracking_pushed_at = null where id = ${order.id}`);
    expect(await h.app.server.pushTrackingToTikTok({ accountId, orderId: order.id })).toBe('pushed');
    await buyLabel(order.id, '1Z999AA10123456785', 'UPS');
    expect(await h.app.server.pushTrackingToTikTok({ accountId, orderId: order.id })).toBe('corrected');
    expect((await simOrder(order.tiktokOrderId)).tracking_number).toBe('1Z999AA10123456785');
  });

  test('a carrier TikTok does not offer fails for good, with the reason on the order', async () => {
    const order = await storedOrder();
    await buyLabel(order.id, 'PIGEON123456789', 'Carrier Pigeon Express');
    await expect(h.app.server.pushTrackingToTikTok({ accountId, orderId: order.id })).rejects.toBeInstanceOf(PermanentJobError);
    const [row] = await db<{ last_error: string }>(sql`select last_error from public.orders where id = ${order.id}`);
    expect(row!.last_error).toContain('Carrier Pigeon Express');
    expect((await simOrder(order.tiktokOrderId)).status).toBe('AWAITING_SHIPMENT');
  });

  test('a cancelled order is not shipped', async () => {
    const order = await storedOrder();
    await control(h.sim.url, 'POST', `/__sandbox/orders/${order.tiktokOrderId}/cancel`, {});
    await buyLabel(order.id, '9400111899220000000001');
    await expect(h.app.server.pushTrackingToTikTok({ accountId, orderId: order.id })).rejects.toThrow(/cancelled/);
  });
});

describe('tiktok.push-inventory', () => {
  async function skuOf(sellerSku: string) {
    const [sku] = await db<{ id: string; tiktok_sku_id: string; warehouse_ids: string[] }>(
      sql`select id, tiktok_sku_id, warehouse_ids from public.skus where shop_id = ${shopRowId} and seller_sku = ${sellerSku}`,
    );
    return sku!;
  }
  const simStock = (tiktokSkuId: string) => {
    for (const product of h.sim.state.products.values()) {
      const sku = product.skus.find((candidate) => candidate.id === tiktokSkuId);
      if (sku) return Object.fromEntries(sku.inventory);
    }
    throw new Error(`no sim sku ${tiktokSkuId}`);
  };

  test('the seam debounces: many stock changes of a shop become one flush job per slot', async () => {
    for (let i = 0; i < 5; i += 1) await h.app.server.pushInventoryToTikTok({ accountId, shopId: shopRowId });
    const [jobs] = await db<{ n: number }>(sql`select count(*)::int as n from pgboss.job where name = 'tiktok.flush-inventory' and data->>'shopId' = ${shopRowId}`);
    expect(jobs!.n).toBeGreaterThanOrEqual(1);
    expect(jobs!.n).toBeLessThanOrEqual(2);
  });

  test('pushes available (on hand − reserved) for every warehouse of changed SKUs, then nothing until stock moves', async () => {
    const first = await h.app.server.flushShopInventory({ accountId, shopId: shopRowId });
    expect(first.refused).toBe(0);
    const sku = await skuOf('HLO-PEACH');
    const warehouse = sku.warehouse_ids[0]!;
    await db(sql`update public.inventory_levels set on_hand = 37, reserved = 5 where sku_id = ${sku.id} and warehouse_id = ${warehouse}`);
    const second = await h.app.server.flushShopInventory({ accountId, shopId: shopRowId });
    expect(second).toMatchObject({ products: 1, skus: 1, refused: 0 });
    expect(simStock(sku.tiktok_sku_id)).toEqual({ [warehouse]: 32 });
    const third = await h.app.server.flushShopInventory({ accountId, shopId: shopRowId });
    expect(third).toMatchObject({ products: 0, skus: 0 });
  });

  test('a product TikTok will not update (deactivated) is recorded and does not stop the others', async () => {
    const lip = await skuOf('HLO-ROSE');
    const mask = await skuOf('SSM-BLK');
    const [product] = await db<{ tiktok_product_id: string }>(sql`select p.tiktok_product_id from public.products p join public.skus s on s.product_id = p.id where s.id = ${lip.id}`);
    await control(h.sim.url, 'POST', `/__sandbox/products/${product!.tiktok_product_id}`, { status: 'SELLER_DEACTIVATED' });
    await db(sql`update public.inventory_levels set on_hand = on_hand - 1 where sku_id in (${lip.id}, ${mask.id})`);
    const result = await h.app.server.flushShopInventory({ accountId, shopId: shopRowId });
    expect(result.refused).toBeGreaterThanOrEqual(1);
    expect(simStock(mask.tiktok_sku_id)).toEqual({ [mask.warehouse_ids[0]!]: (await db<{ available: number }>(sql`select available from public.inventory_levels where sku_id = ${mask.id}`))[0]!.available });
    const [push] = await db<{ last_error: string | null }>(sql`select last_error from public.tiktok_inventory_pushes where sku_id = ${lip.id}`);
    expect(push!.last_error).toBeTruthy();
  });
});
