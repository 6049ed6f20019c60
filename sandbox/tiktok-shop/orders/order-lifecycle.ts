// Order state machine (spec §6.3): UNPAID → ON_HOLD → AWAITING_SHIPMENT → (ship) AWAITING_COLLECTION →
// IN_TRANSIT → DELIVERED → COMPLETED, and CANCELLED from any pre-shipment state. Every change emits type 1.
import { adjustStock } from '../inventory';
import { ControlFailure } from '../http-utils';
import { ID_PREFIX } from '../ids';
import type { Sim } from '../sim';
import type { OrderStatus, SimOrder } from '../types';
import { TYPE, emitWebhook } from '../webhooks/emit';

const CANCELLABLE: ReadonlySet<OrderStatus> = new Set(['UNPAID', 'ON_HOLD', 'AWAITING_SHIPMENT']);

export function changeStatus(sim: Sim, order: SimOrder, next: OrderStatus): void {
  order.status = next;
  order.updateTime = Math.max(order.updateTime, sim.clock.nowSeconds());
  emitWebhook(sim, order.shopId, TYPE.ORDER_STATUS_CHANGE, {
    order_id: order.id,
    order_status: next,
    is_on_hold_order: next === 'UNPAID' || next === 'ON_HOLD',
    update_time: order.updateTime,
  });
}

/** Ends the hold of the given orders (those still ON_HOLD; cancelled ones are left alone). */
export function releaseHold(sim: Sim, orderIds: readonly string[]): void {
  for (const id of orderIds) {
    const order = sim.state.orders.get(id);
    if (order?.status === 'ON_HOLD') changeStatus(sim, order, 'AWAITING_SHIPMENT');
  }
}

/** One step along the happy path after the hold or after shipping; anything else is a 409. */
export function advanceOrder(sim: Sim, order: SimOrder): OrderStatus {
  const now = sim.clock.nowSeconds();
  switch (order.status) {
    case 'ON_HOLD':
      changeStatus(sim, order, 'AWAITING_SHIPMENT');
      break;
    case 'AWAITING_COLLECTION':
      order.collectionTime = now;
      changeStatus(sim, order, 'IN_TRANSIT');
      break;
    case 'IN_TRANSIT':
      order.deliveryTime = now;
      changeStatus(sim, order, 'DELIVERED');
      break;
    case 'DELIVERED':
      changeStatus(sim, order, 'COMPLETED');
      break;
    default:
      throw new ControlFailure(
        409,
        `order ${order.id} is ${order.status}; advance works from ON_HOLD or after shipping`,
      );
  }
  return order.status;
}

/** Cancels before shipment: type 11 (cancellation succeeded), then type 1 CANCELLED; stock goes back. */
export function cancelOrder(
  sim: Sim,
  order: SimOrder,
  role: 'BUYER' | 'SELLER' | 'SYSTEM',
  reason: string,
): void {
  if (!CANCELLABLE.has(order.status)) {
    throw new ControlFailure(409, `order ${order.id} is ${order.status} and can no longer be cancelled`);
  }
  const now = sim.clock.nowSeconds();
  order.cancel = { time: now, reason, initiator: role };
  emitWebhook(sim, order.shopId, TYPE.CANCELLATION_STATUS_CHANGE, {
    order_id: order.id,
    cancellations_role: role,
    cancel_status: 'CANCELLATION_REQUEST_SUCCESS',
    cancel_id: sim.nextId(ID_PREFIX.cancel),
    create_time: now,
  });
  changeStatus(sim, order, 'CANCELLED');
  for (const item of order.lineItems) {
    const product = sim.state.products.get(item.productId);
    const sku = product?.skus.find((candidate) => candidate.id === item.skuId);
    if (product && sku) adjustStock(sim, product, sku, +1);
  }
}
