import 'server-only';
import { and, asc, desc, eq } from 'drizzle-orm';
import { tables, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { enqueueEmail, type EnqueueEmailResult } from './enqueue-email';
import type { OrderShippedProps } from './schemas';
import { carrierTrackingUrl } from './tracking-url';

// Emails to the BUYER of an order. The recipient is the order's buyer_email: TikTok Shop gives
// sellers an anonymised relay address there, which forwards to the buyer, so no personal address
// is ever stored or needed. Orders without one (TikTok withholds it in some regions) get no email.

export type ShipmentDetails = {
  trackingNumber?: string;
  /** Display name, e.g. "USPS"; defaults to the purchased shipment's provider. */
  carrier?: string;
  serviceLevel?: string;
  trackingUrl?: string;
  /** YYYY-MM-DD */
  estimatedDelivery?: string;
};

/**
 * Queues the "your order has shipped" email for an order, once: key `order-shipped:<orderId>`.
 * Call it in the transaction that records the shipment (label bought / tracking pushed). Anything
 * not passed in `details` is read from the order and its purchased shipment.
 * @throws AppError NOT_FOUND for an order not in this account, VALIDATION with no tracking number.
 */
export async function enqueueOrderShippedEmail(
  tx: Tx,
  input: { accountId: string; orderId: string } & ShipmentDetails,
): Promise<EnqueueEmailResult> {
  const idempotencyKey = `order-shipped:${input.orderId}`;
  const order = await loadOrderEmailData(tx, input.accountId, input.orderId);
  if (!order.buyerEmail) return { enqueued: false, idempotencyKey, reason: 'no_recipient' };
  if (order.items.length === 0) return { enqueued: false, idempotencyKey, reason: 'no_items' };
  const tracking = resolveTracking(order, input);
  const props: OrderShippedProps = {
    shopName: order.shopName,
    orderNumber: order.orderNumber,
    items: order.items,
    currency: order.currency,
    subtotalCents: order.subtotalCents,
    shippingCents: order.shippingCents,
    totalCents: order.totalCents,
    ...tracking,
    ...((input.serviceLevel ?? order.shipment?.servicelevelName)
      ? { serviceLevel: input.serviceLevel ?? order.shipment!.servicelevelName! }
      : {}),
    ...(input.estimatedDelivery ? { estimatedDelivery: input.estimatedDelivery } : {}),
    shippedAt: (order.shippedAt ?? order.shipment?.purchasedAt ?? new Date()).toISOString(),
  };
  return enqueueEmail(tx, {
    accountId: input.accountId,
    template: 'order-shipped',
    props,
    to: order.buyerEmail,
    idempotencyKey,
  });
}

/** Queues the "delivered" email for an order, once: key `order-delivered:<orderId>`. */
export async function enqueueOrderDeliveredEmail(
  tx: Tx,
  input: { accountId: string; orderId: string; deliveredAt?: Date } & ShipmentDetails,
): Promise<EnqueueEmailResult> {
  const idempotencyKey = `order-delivered:${input.orderId}`;
  const order = await loadOrderEmailData(tx, input.accountId, input.orderId);
  if (!order.buyerEmail) return { enqueued: false, idempotencyKey, reason: 'no_recipient' };
  if (order.items.length === 0) return { enqueued: false, idempotencyKey, reason: 'no_items' };
  const tracking = resolveTracking(order, input);
  return enqueueEmail(tx, {
    accountId: input.accountId,
    template: 'order-delivered',
    props: {
      shopName: order.shopName,
      orderNumber: order.orderNumber,
      items: order.items,
      currency: order.currency,
      carrier: tracking.carrier,
      trackingNumber: tracking.trackingNumber,
      trackingUrl: tracking.trackingUrl,
      deliveredAt: (input.deliveredAt ?? order.deliveredAt ?? new Date()).toISOString(),
    },
    to: order.buyerEmail,
    idempotencyKey,
  });
}

type OrderEmailData = Awaited<ReturnType<typeof loadOrderEmailData>>;

function resolveTracking(order: OrderEmailData, details: ShipmentDetails) {
  const trackingNumber = details.trackingNumber ?? order.shipment?.trackingNumber ?? order.trackingNumber;
  if (!trackingNumber)
    throw new AppError('VALIDATION', `Order ${order.orderNumber} has no tracking number yet`);
  const carrier =
    details.carrier ??
    order.shipment?.provider ??
    order.shippingProvider ??
    order.shipment?.carrier ??
    'Carrier';
  const trackingUrl =
    details.trackingUrl ?? order.shipment?.trackingUrl ?? carrierTrackingUrl(carrier, trackingNumber);
  return { trackingNumber, carrier, trackingUrl };
}

async function loadOrderEmailData(tx: Tx, accountId: string, orderId: string) {
  const { orders, tiktokShops, orderItems, shipments } = tables;
  const [order] = await tx
    .select({
      orderNumber: orders.tiktokOrderId,
      buyerEmail: orders.buyerEmail,
      currency: orders.currency,
      subtotalCents: orders.subtotalCents,
      shippingCents: orders.shippingFeeCents,
      totalCents: orders.totalCents,
      trackingNumber: orders.trackingNumber,
      shippingProvider: orders.shippingProvider,
      shippedAt: orders.shippedAt,
      deliveredAt: orders.deliveredAt,
      shopName: tiktokShops.name,
    })
    .from(orders)
    .innerJoin(tiktokShops, eq(tiktokShops.id, orders.shopId))
    .where(and(eq(orders.id, orderId), eq(orders.accountId, accountId)));
  if (!order) throw new AppError('NOT_FOUND', 'Order not found');
  const items = await tx
    .select({
      name: orderItems.productName,
      sku: orderItems.sellerSku,
      quantity: orderItems.quantity,
      unitPriceCents: orderItems.unitPriceCents,
    })
    .from(orderItems)
    .where(and(eq(orderItems.orderId, orderId), eq(orderItems.accountId, accountId)))
    .orderBy(asc(orderItems.createdAt), asc(orderItems.id))
    .limit(100);
  const [shipment] = await tx
    .select()
    .from(shipments)
    .where(
      and(
        eq(shipments.orderId, orderId),
        eq(shipments.accountId, accountId),
        eq(shipments.status, 'purchased'),
      ),
    )
    .orderBy(desc(shipments.purchasedAt))
    .limit(1);
  // Trimmed to what the template accepts: catalogue text must never make a shipment fail.
  return {
    ...order,
    shopName: clip(order.shopName, 200, 'TikTok Shop'),
    items: items.map(({ name, sku, ...item }) => ({
      ...item,
      name: clip(name, 200, 'Item'),
      ...(sku?.trim() ? { sku: clip(sku, 64, '') } : {}),
    })),
    shipment: shipment ?? null,
  };
}

function clip(value: string, max: number, fallback: string): string {
  const trimmed = value.trim();
  return trimmed === '' ? fallback : trimmed.slice(0, max).trim();
}
