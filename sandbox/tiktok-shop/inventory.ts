// TikTok-side stock: orders take units, cancellations give them back, the seller's inventory updates set
// absolute numbers. Crossing the low-stock threshold (either way) emits webhook type 27.
import { stockStatusOf } from './seed';
import type { Sim } from './sim';
import type { SimProduct, SimSku } from './types';
import { TYPE, emitWebhook } from './webhooks/emit';

const OPEN_STATUSES = new Set(['UNPAID', 'ON_HOLD', 'AWAITING_SHIPMENT']);

export function totalAvailable(sku: SimSku): number {
  let total = 0;
  for (const quantity of sku.inventory.values()) total += quantity;
  return total;
}

/** Units sold but not yet shipped. */
function committedUnits(sim: Sim, skuId: string): number {
  let units = 0;
  for (const order of sim.state.orders.values()) {
    if (!OPEN_STATUSES.has(order.status)) continue;
    for (const item of order.lineItems) if (item.skuId === skuId) units += 1;
  }
  return units;
}

/** Re-derives the SKU's stock status and announces a change. */
export function refreshStockStatus(sim: Sim, product: SimProduct, sku: SimSku): void {
  const available = totalAvailable(sku);
  const status = stockStatusOf(available, sim.options.lowStockThreshold);
  if (status === sku.stockStatus) return;
  sku.stockStatus = status;
  const committed = committedUnits(sim, sku.id);
  emitWebhook(sim, product.shopId, TYPE.INVENTORY_STATUS_CHANGE, {
    product_id: product.id,
    sku_id: sku.id,
    trigger_reason: { alert_type: 'REALTIME', low_stock_threshold: sim.options.lowStockThreshold },
    current_inventory_status: status,
    inventory_distribution: {
      total_quantity: available + committed,
      available_quantity: available,
      creator_reserved_quantity: 0,
      campaign_reserved_quantity: 0,
      committed_quantity: committed,
    },
    update_time: sim.clock.nowSeconds(),
  });
}

/**
 * Moves `delta` units in the SKU's first warehouse with stock (or its first warehouse when adding).
 * Stock never goes below zero: the simulator takes viral bursts even past the seller's stock, as real
 * oversells happen when a seller's numbers lag behind.
 */
export function adjustStock(sim: Sim, product: SimProduct, sku: SimSku, delta: number): void {
  const warehouses = [...sku.inventory.keys()];
  const target =
    delta < 0 ? (warehouses.find((id) => (sku.inventory.get(id) ?? 0) > 0) ?? warehouses[0]) : warehouses[0];
  if (target === undefined) return;
  sku.inventory.set(target, Math.max(0, (sku.inventory.get(target) ?? 0) + delta));
  refreshStockStatus(sim, product, sku);
}
