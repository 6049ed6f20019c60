// Order endpoints: POST /order/202309/orders/search and GET /order/202309/orders?ids= (spec §6.1-6.2).
import { z } from 'zod';

import { renderOrder } from '../orders/order-view';
import type { OrderStatus, SimOrder } from '../types';
import { invalidParam, pageParams, paginate, parseBody, unixSeconds } from './params';
import type { ApiContext } from './routes';

const ORDER_STATUSES = [
  'UNPAID',
  'ON_HOLD',
  'AWAITING_SHIPMENT',
  'PARTIALLY_SHIPPING',
  'AWAITING_COLLECTION',
  'IN_TRANSIT',
  'DELIVERED',
  'COMPLETED',
  'CANCELLED',
] as const;

const searchBody = z.object({
  order_status: z.enum(ORDER_STATUSES).optional(),
  create_time_ge: unixSeconds.optional(),
  create_time_lt: unixSeconds.optional(),
  update_time_ge: unixSeconds.optional(),
  update_time_lt: unixSeconds.optional(),
  shipping_type: z.enum(['TIKTOK', 'SELLER']).optional(),
  buyer_user_id: z.string().optional(),
  is_buyer_request_cancel: z.boolean().optional(),
  warehouse_ids: z.array(z.string()).max(100).optional(),
});

function matches(order: SimOrder, filter: z.infer<typeof searchBody>): boolean {
  if (filter.order_status && order.status !== (filter.order_status as OrderStatus)) return false;
  if (filter.create_time_ge !== undefined && order.createTime < filter.create_time_ge) return false;
  if (filter.create_time_lt !== undefined && order.createTime >= filter.create_time_lt) return false;
  if (filter.update_time_ge !== undefined && order.updateTime < filter.update_time_ge) return false;
  if (filter.update_time_lt !== undefined && order.updateTime >= filter.update_time_lt) return false;
  if (filter.shipping_type === 'TIKTOK') return false; // every simulated order is seller-shipped
  if (filter.buyer_user_id && order.buyer.userId !== filter.buyer_user_id) return false;
  if (filter.is_buyer_request_cancel === true) return false;
  if (filter.warehouse_ids && !filter.warehouse_ids.includes(order.warehouseId)) return false;
  return true;
}

export function searchOrders({ sim, shop, query, body }: ApiContext) {
  const filter = parseBody(searchBody, body);
  const paging = pageParams(query);
  const sortField = query.get('sort_field') ?? 'create_time';
  const sortOrder = query.get('sort_order') ?? 'DESC';
  if (sortField !== 'create_time' && sortField !== 'update_time')
    throw invalidParam('sort_field must be create_time or update_time');
  if (sortOrder !== 'ASC' && sortOrder !== 'DESC') throw invalidParam('sort_order must be ASC or DESC');

  const key = sortField === 'create_time' ? 'createTime' : 'updateTime';
  const direction = sortOrder === 'ASC' ? 1 : -1;
  const found = [...sim.state.orders.values()]
    .filter((order) => order.shopId === shop!.id && matches(order, filter))
    // Ties broken by id so paging is stable between calls.
    .sort((a, b) => direction * (a[key] - b[key] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  const { page, nextPageToken, totalCount } = paginate(found, paging);
  return {
    orders: page.map((order) => renderOrder(sim, order)),
    next_page_token: nextPageToken,
    total_count: totalCount,
  };
}

export function getOrderDetails({ sim, shop, query }: ApiContext) {
  const ids = (query.get('ids') ?? '').split(',').filter(Boolean);
  if (ids.length === 0) throw invalidParam('ids is required');
  if (ids.length > 50) throw invalidParam('ids accepts at most 50 order ids');
  const orders = ids
    .map((id) => sim.state.orders.get(id))
    .filter((order): order is SimOrder => order !== undefined && order.shopId === shop!.id);
  return { orders: orders.map((order) => renderOrder(sim, order)) };
}
