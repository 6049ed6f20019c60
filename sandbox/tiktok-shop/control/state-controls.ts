// GET /__sandbox/state: what the simulator holds and what it has received from the app.
import { renderProduct } from '../api/products';
import type { Sim } from '../sim';

const RECENT = 50;

export function getState(sim: Sim) {
  const byStatus: Record<string, number> = {};
  for (const order of sim.state.orders.values()) byStatus[order.status] = (byStatus[order.status] ?? 0) + 1;
  const deliveries = sim.webhooks.deliveries;
  return {
    now: sim.clock.nowSeconds(),
    clock_offset_seconds: sim.clock.offsetSeconds(),
    sellers: [...sim.state.sellers.values()].map((seller) => ({
      open_id: seller.openId,
      name: seller.name,
      region: seller.region,
      shop_ids: seller.shopIds,
    })),
    shops: [...sim.state.shops.values()].map((shop) => ({
      id: shop.id,
      name: shop.name,
      region: shop.region,
      seller_type: shop.sellerType,
      cipher: shop.cipher,
      authorized: shop.authorized,
      warehouses: shop.warehouses.map((w) => ({ id: w.id, name: w.name })),
      delivery_options: shop.deliveryOptions.map((d) => ({
        id: d.id,
        name: d.name,
        shipping_provider_ids: d.providerIds,
      })),
    })),
    products: [...sim.state.products.values()].map((product) => ({
      shop_id: product.shopId,
      ...renderProduct(product),
    })),
    orders: { total: sim.state.orders.size, by_status: byStatus },
    webhooks: {
      ...sim.webhooks.stats(),
      skipped_unauthorized: sim.skippedWebhooks,
      recent: deliveries.slice(-RECENT).map((d) => ({
        tts_notification_id: d.notificationId,
        type: d.type,
        shop_id: d.shopId,
        status: d.status,
        attempts: d.attempts,
        last_response: d.lastResponse ?? null,
        duplicate: d.duplicate,
      })),
    },
    tracking_pushes: sim.state.trackingPushes.map((push) => ({
      at: push.at,
      kind: push.kind,
      shop_id: push.shopId,
      order_id: push.orderId,
      package_id: push.packageId,
      tracking_number: push.trackingNumber,
      shipping_provider_id: push.shippingProviderId,
    })),
    inventory_updates: sim.state.inventoryUpdates.map((update) => ({
      at: update.at,
      shop_id: update.shopId,
      product_id: update.productId,
      skus: update.skus,
      rejected_skus: update.rejectedSkus,
    })),
    token_refreshes: sim.state.tokenRefreshes,
    faults: sim.faults,
  };
}
