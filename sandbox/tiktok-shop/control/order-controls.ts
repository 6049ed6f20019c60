// Control endpoints that act as buyers and carriers: create paid orders, cancel, advance, inspect.
import { z } from 'zod';

import { ControlFailure } from '../http-utils';
import { createOrders } from '../orders/create-orders';
import { advanceOrder, cancelOrder } from '../orders/order-lifecycle';
import { renderOrder } from '../orders/order-view';
import type { Sim } from '../sim';

const buyerSchema = z.strictObject({
  first_name: z.string().min(1).optional(),
  last_name: z.string().min(1).optional(),
  phone: z
    .string()
    .regex(/^\d{10}$/)
    .optional(),
  address_line1: z.string().min(1).optional(),
  address_line2: z.string().optional(),
  city: z.string().min(1).optional(),
  county: z.string().optional(),
  state: z.string().min(1).optional(),
  state_code: z.string().length(2).optional(),
  postal_code: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
});

export const createOrdersSchema = z.strictObject({
  count: z.number().int().min(1).max(20_000),
  sku_id: z.string().min(1).optional(),
  shop_id: z.string().min(1).optional(),
  quantity: z.number().int().min(1).max(20).optional(),
  buyer: buyerSchema.optional(),
  buyer_message: z.string().max(500).optional(),
});

export function postOrders(sim: Sim, body: z.infer<typeof createOrdersSchema>) {
  const b = body.buyer ?? {};
  const buyer = Object.fromEntries(
    Object.entries({
      firstName: b.first_name,
      lastName: b.last_name,
      phone: b.phone,
      addressLine1: b.address_line1,
      addressLine2: b.address_line2,
      city: b.city,
      county: b.county,
      state: b.state,
      stateCode: b.state_code,
      postalCode: b.postal_code,
    }).filter(([, value]) => value !== undefined),
  );
  const orderIds = createOrders(sim, {
    count: body.count,
    shopId: body.shop_id,
    skuId: body.sku_id,
    quantity: body.quantity,
    buyer,
    buyerMessage: body.buyer_message,
  });
  return { order_ids: orderIds };
}

function orderOrThrow(sim: Sim, id: string) {
  const order = sim.state.orders.get(id);
  if (!order) throw new ControlFailure(404, `order ${id} not found`);
  return order;
}

export const cancelSchema = z.strictObject({
  reason: z.string().min(1).max(200).optional(),
  role: z.enum(['BUYER', 'SELLER', 'SYSTEM']).optional(),
});

export function postCancel(sim: Sim, id: string, body: z.infer<typeof cancelSchema>) {
  const order = orderOrThrow(sim, id);
  cancelOrder(sim, order, body.role ?? 'BUYER', body.reason ?? 'No longer needed');
  return { order_id: order.id, status: order.status };
}

export function postAdvance(sim: Sim, id: string) {
  const order = orderOrThrow(sim, id);
  return { order_id: order.id, status: advanceOrder(sim, order) };
}

export function getOrder(sim: Sim, id: string) {
  return { order: renderOrder(sim, orderOrThrow(sim, id)) };
}
