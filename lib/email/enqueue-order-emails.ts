import 'server-only';
import { sql } from 'drizzle-orm';
import { inPairs, tables, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { enqueueEmails, type EmailToEnqueue, type EnqueueEmailResult } from './enqueue-email';
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
 * One buyer email: "shipped" (key `order-shipped:<orderId>`) or "delivered" (key
 * `order-delivered:<orderId>`). Anything not passed in the details is read from the order and its
 * purchased shipment.
 */
export type OrderEmailRequest = { accountId: string; orderId: string } & ShipmentDetails &
  ({ template: 'order-shipped' } | { template: 'order-delivered'; deliveredAt?: Date });

/**
 * Queues the "your order has shipped" email for an order, once: key `order-shipped:<orderId>`.
 * Call it in the transaction that records the shipment (label bought / tracking pushed).
 * @throws AppError NOT_FOUND for an order not in this account, VALIDATION with no tracking number.
 */
export async function enqueueOrderShippedEmail(
  tx: Tx,
  input: { accountId: string; orderId: string } & ShipmentDetails,
): Promise<EnqueueEmailResult> {
  const [result] = await enqueueOrderEmails(tx, [{ ...input, template: 'order-shipped' }]);
  if (result instanceof AppError) throw result;
  return result!;
}

/**
 * The buyer emails of many orders in the caller's transaction (a batch of orders shipped
 * together), set-based: one statement loads every order's email data, one checks the keys against
 * the outbox, one enqueues the jobs. Returns, per request in order, its result or the AppError that
 * kept it out (NOT_FOUND: not this account's order; VALIDATION: no tracking number, invalid props).
 */
export async function enqueueOrderEmails(
  tx: Tx,
  requests: readonly OrderEmailRequest[],
): Promise<(EnqueueEmailResult | AppError)[]> {
  const orders = new Map((await loadOrderEmailData(tx, requests)).map((order) => [order.id, order]));
  const built = requests.map((request) => buildOrderEmail(request, orders.get(request.orderId)));
  const emails = built.filter((email) => 'props' in email);
  const results = await enqueueEmails(tx, emails);
  const queued = new Map(emails.map((email, index) => [email, results[index]!]));
  return built.map((email) => ('props' in email ? queued.get(email)! : email));
}

type OrderEmailData = Awaited<ReturnType<typeof loadOrderEmailData>>[number];

function buildOrderEmail(
  request: OrderEmailRequest,
  order: OrderEmailData | undefined,
): EmailToEnqueue | EnqueueEmailResult | AppError {
  const idempotencyKey = `${request.template}:${request.orderId}`;
  if (!order || order.accountId !== request.accountId) return new AppError('NOT_FOUND', 'Order not found');
  if (!order.buyerEmail) return { enqueued: false, idempotencyKey, reason: 'no_recipient' };
  if (order.items.length === 0) return { enqueued: false, idempotencyKey, reason: 'no_items' };
  const tracking = resolveTracking(order, request);
  if (tracking instanceof AppError) return tracking;
  const common = {
    shopName: order.shopName,
    orderNumber: order.orderNumber,
    items: order.items,
    currency: order.currency,
  };
  const base = { accountId: request.accountId, to: order.buyerEmail, idempotencyKey };
  if (request.template === 'order-delivered') {
    return {
      ...base,
      template: 'order-delivered',
      props: {
        ...common,
        carrier: tracking.carrier,
        trackingNumber: tracking.trackingNumber,
        trackingUrl: tracking.trackingUrl,
        deliveredAt: (request.deliveredAt ?? order.deliveredAt ?? new Date()).toISOString(),
      },
    };
  }
  const serviceLevel = request.serviceLevel ?? order.shipment?.servicelevelName;
  return {
    ...base,
    template: 'order-shipped',
    props: {
      ...common,
      subtotalCents: order.subtotalCents,
      shippingCents: order.shippingCents,
      totalCents: order.totalCents,
      ...tracking,
      ...(serviceLevel ? { serviceLevel } : {}),
      ...(request.estimatedDelivery ? { estimatedDelivery: request.estimatedDelivery } : {}),
      shippedAt: (order.shippedAt ?? order.shipment?.purchasedAt ?? new Date()).toISOString(),
    },
  };
}

function resolveTracking(order: OrderEmailData, details: ShipmentDetails) {
  const trackingNumber = details.trackingNumber ?? order.shipment?.trackingNumber ?? order.trackingNumber;
  if (!trackingNumber)
    return new AppError('VALIDATION', `Order ${order.orderNumber} has no tracking number yet`);
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

type ItemRow = { name: string; sku: string | null; quantity: number; unitPriceCents: number };
type PurchasedShipment = {
  trackingNumber: string | null;
  trackingUrl: string | null;
  provider: string | null;
  carrier: string;
  servicelevelName: string | null;
  /** JSON: an ISO timestamp. */
  purchasedAt: string | null;
};

/**
 * The order's first 100 lines, in the order they were stored, as JSON. Lines and shipments are
 * matched by order id alone, as in the workflow's snapshot (load-order-snapshot.ts): with an
 * account condition the planner may read them through the account's index.
 */
const itemsJson = sql<ItemRow[]>`coalesce((
  select json_agg(json_build_object(
    'name', i.product_name, 'sku', i.seller_sku, 'quantity', i.quantity, 'unitPriceCents', i.unit_price_cents
  ) order by i.created_at, i.id)
  from (
    select oi.product_name, oi.seller_sku, oi.quantity, oi.unit_price_cents, oi.created_at, oi.id
    from public.order_items oi
    where oi.order_id = "orders"."id"
    order by oi.created_at, oi.id
    limit 100
  ) i
), '[]'::json)`;

/** The order's newest purchased shipment, as JSON. */
const purchasedShipmentJson = sql<PurchasedShipment | null>`(
  select json_build_object(
    'trackingNumber', sh.tracking_number, 'trackingUrl', sh.tracking_url, 'provider', sh.provider,
    'carrier', sh.carrier, 'servicelevelName', sh.servicelevel_name, 'purchasedAt', sh.purchased_at
  )
  from public.shipments sh
  where sh.order_id = "orders"."id" and sh.status = 'purchased'
  order by sh.purchased_at desc
  limit 1
)`;

/**
 * What the buyer emails show of each order: the order with its shop's name, lines and purchased
 * shipment, one statement for all. Orders not in their request's account are left out.
 */
async function loadOrderEmailData(tx: Tx, refs: readonly { accountId: string; orderId: string }[]) {
  const { orders, tiktokShops } = tables;
  const rows = await tx
    .select({
      id: orders.id,
      accountId: orders.accountId,
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
      items: itemsJson,
      shipment: purchasedShipmentJson,
    })
    .from(orders)
    .innerJoin(tiktokShops, sql`${tiktokShops.id} = ${orders.shopId}`)
    .where(inPairs([orders.id, orders.accountId], refs.map((ref) => [ref.orderId, ref.accountId])));
  // Trimmed to what the templates accept: catalogue text must never make a shipment fail.
  return rows.map(({ items, shipment, ...order }) => ({
    ...order,
    shopName: clip(order.shopName, 200, 'TikTok Shop'),
    items: items.map(({ name, sku, quantity, unitPriceCents }): OrderShippedProps['items'][number] => ({
      name: clip(name, 200, 'Item'),
      quantity,
      unitPriceCents,
      ...(sku?.trim() ? { sku: clip(sku, 64, '') } : {}),
    })),
    shipment: shipment
      ? { ...shipment, purchasedAt: shipment.purchasedAt ? new Date(shipment.purchasedAt) : null }
      : null,
  }));
}

function clip(value: string, max: number, fallback: string): string {
  const trimmed = value.trim();
  return trimmed === '' ? fallback : trimmed.slice(0, max).trim();
}
