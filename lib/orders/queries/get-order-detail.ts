import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { withRls, type Tx } from '@/lib/db';
import type { Recipient, ServiceLevel } from '@/lib/db/schema/orders';
import { AppError } from '@/lib/errors';
import type { ReadContext } from './list-orders';
import { iso, mapOrderListRow, ORDER_COLUMNS, ORDER_LATERALS, type OrderRowFromSql } from './map-order-row';
import { loadOrdersShipping } from './load-order-shipping';
import type { OrderDetail, OrderItemDetail, ShipmentDetail, StatusHistoryEntry, TrackingEventDetail } from './types';

type DetailRow = OrderRowFromSql & {
  shop_uuid: string;
  shop_name: string;
  shop_external_id: string;
  subtotal_cents: number;
  shipping_fee_cents: number;
  tax_cents: number;
  buyer_email: string | null;
  buyer_message: string | null;
  package_id: string | null;
  warehouse_id: string | null;
  tags: string[];
  created_at: Date | string;
  delivered_at: Date | string | null;
  cancelled_at: Date | string | null;
  completed_at: Date | string | null;
  tracking_pushed_at: Date | string | null;
  service_level: ServiceLevel;
  hold_reason: string | null;
  skip_auto_label: boolean;
};

type HistoryRow = Omit<StatusHistoryEntry, 'created_at'> & { created_at: Date | string };

/**
 * One order with everything the detail page and GET /api/orders/{id} show: items, workflow state,
 * status history, shipments with their labels, and tracking. Another account's order, or an id
 * that is not a UUID, is NOT_FOUND (never FORBIDDEN: its existence is not ours to confirm).
 */
export async function getOrderOrThrow(context: ReadContext, orderId: string): Promise<OrderDetail> {
  if (!z.uuid().safeParse(orderId).success) throw new AppError('NOT_FOUND', 'Order not found');
  const [order] = await withRls(context.claims, (tx) => loadOrderDetails(tx, context, [orderId]));
  if (!order) throw new AppError('NOT_FOUND', 'Order not found');
  return order;
}

/**
 * Several orders in full (the packing slips of a selection), in the order asked, in one
 * transaction; ids not found in this account are left out.
 */
export async function getOrderDetails(
  context: ReadContext,
  orderIds: readonly string[],
): Promise<OrderDetail[]> {
  const ids = [...new Set(orderIds.filter((id) => z.uuid().safeParse(id).success))];
  if (ids.length === 0) return [];
  return withRls(context.claims, (tx) => loadOrderDetails(tx, context, ids));
}

/** Five statements however many orders: the orders, their items, history, shipments and tracking events. */
async function loadOrderDetails(tx: Tx, context: ReadContext, orderIds: readonly string[]): Promise<OrderDetail[]> {
  const ids = sql`${sql.param(orderIds)}::uuid[]`;
  const found = await tx.execute<DetailRow>(sql`
    select ${ORDER_COLUMNS}, sh.id as shop_uuid, sh.name as shop_name, sh.shop_id as shop_external_id,
      o.subtotal_cents, o.shipping_fee_cents, o.tax_cents, o.buyer_email, o.buyer_message, o.package_id,
      o.warehouse_id, o.tags, o.created_at, o.delivered_at, o.cancelled_at, o.completed_at,
      o.tracking_pushed_at, o.service_level, o.hold_reason, o.skip_auto_label
    from public.orders o
    join public.tiktok_shops sh on sh.id = o.shop_id
    ${ORDER_LATERALS}
    where o.id = any(${ids}) and o.account_id = ${context.accountId}`);
  if (found.rows.length === 0) return [];

  const items = await tx.execute<OrderItemDetail & { order_id: string }>(sql`
    select i.order_id, i.id, i.sku_id, i.tiktok_sku_id, i.tiktok_product_id, i.seller_sku, i.product_name, i.sku_name,
      p.image_url, i.quantity, i.unit_price_cents, (i.quantity * i.unit_price_cents)::int as line_total_cents,
      k.weight_grams
    from public.order_items i
    left join public.skus k on k.id = i.sku_id
    left join public.products p on p.id = k.product_id
    where i.order_id = any(${ids}) and i.account_id = ${context.accountId}
    order by i.product_name, i.sku_name`);
  const history = await tx.execute<HistoryRow & { order_id: string }>(sql`
    select h.order_id, h.id, h.from_workflow_status, h.to_workflow_status, h.from_order_status, h.to_order_status, h.source,
      h.metadata->>'event' as event,
      h.actor_id, pr.full_name as actor_name, h.reason, h.created_at
    from public.order_status_history h
    left join public.profiles pr on pr.id = h.actor_id
    where h.order_id = any(${ids}) and h.account_id = ${context.accountId}
    order by h.created_at, h.id`);
  const shipping = await loadOrdersShipping(tx, context.accountId, orderIds);

  const itemsOf = groupByOrder(items.rows);
  const historyOf = groupByOrder(history.rows);
  const rows = new Map(found.rows.map((row) => [row.id, row]));
  return orderIds.flatMap((id) => {
    const row = rows.get(id);
    return row ? [assembleDetail(row, itemsOf.get(id) ?? [], historyOf.get(id) ?? [], shipping.get(id) ?? { shipments: [], events: [] })] : [];
  });
}

function groupByOrder<T extends { order_id: string }>(rows: readonly T[]): Map<string, Omit<T, 'order_id'>[]> {
  const grouped = new Map<string, Omit<T, 'order_id'>[]>();
  for (const { order_id: orderId, ...rest } of rows) {
    const list = grouped.get(orderId) ?? [];
    list.push(rest);
    grouped.set(orderId, list);
  }
  return grouped;
}

function assembleDetail(
  row: DetailRow,
  items: OrderItemDetail[],
  history: HistoryRow[],
  shipping: { shipments: ShipmentDetail[]; events: TrackingEventDetail[] },
): OrderDetail {
  const {
    items_preview: _preview,
    destination: _destination,
    buyer_name: _buyer,
    ...base
  } = mapOrderListRow(row);
  const recipient: Recipient | null = row.recipient;
  const current = shipping.shipments.find((shipment) => shipment.status !== 'voided') ?? null;
  const trackingNumber = base.tracking_number ?? current?.tracking_number ?? null;
  return {
    ...base,
    shop: { id: row.shop_uuid, name: row.shop_name, shop_id: row.shop_external_id },
    subtotal_cents: row.subtotal_cents,
    shipping_fee_cents: row.shipping_fee_cents,
    tax_cents: row.tax_cents,
    buyer_email: row.buyer_email,
    buyer_message: row.buyer_message,
    recipient,
    package_id: row.package_id,
    warehouse_id: row.warehouse_id,
    tags: row.tags,
    created_at: iso(row.created_at)!,
    delivered_at: iso(row.delivered_at),
    cancelled_at: iso(row.cancelled_at),
    completed_at: iso(row.completed_at),
    tracking_pushed_at: iso(row.tracking_pushed_at),
    items,
    workflow: {
      status: row.workflow_status,
      processing_queue: row.processing_queue,
      service_level: row.service_level,
      backordered: row.backordered,
      on_hold_for_review: row.on_hold_for_review,
      hold_reason: row.hold_reason,
      skip_auto_label: row.skip_auto_label,
      last_error: row.last_error,
    },
    status_history: history.map((entry) => ({ ...entry, created_at: iso(entry.created_at)! })),
    shipping_info: { recipient, service_level: row.service_level, shipments: shipping.shipments },
    tracking_info: trackingNumber
      ? {
          tracking_number: trackingNumber,
          provider: base.shipping_provider ?? current?.provider ?? null,
          status: current?.tracking_status ?? base.tracking_status,
          pushed_to_tiktok_at: iso(row.tracking_pushed_at),
          events: shipping.events,
        }
      : null,
  };
}
