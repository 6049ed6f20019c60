// TikTok's order object (spec §6.4) in our vocabulary. Pure: no I/O, so every rule here is unit-tested.
// TikTok sends one line item per unit and no quantity; we keep one row per SKU with the unit count and
// every line id (partial cancellations and returns name line ids).
import type { Recipient, TikTokOrderStatus } from '@/lib/db/schema/orders';
import type { TikTokOrder, TikTokOrderLineItem } from '@/lib/tiktok';
import { moneyToCents } from './money';
import { toStateCode } from './us-states';

export interface OrderSnapshotItem {
  tiktokSkuId: string;
  tiktokProductId: string;
  sellerSku: string | null;
  productName: string;
  skuName: string | null;
  quantity: number;
  /** Sale price per unit; the average when units of a SKU were sold at different prices. */
  unitPriceCents: number;
  lineItemIds: string[];
}

export interface OrderSnapshot {
  tiktokOrderId: string;
  orderStatus: TikTokOrderStatus;
  /** TikTok update_time (Unix seconds): what decides whether this snapshot is newer than ours. */
  updateTime: number;
  tiktokCreatedAt: Date;
  paidAt: Date | null;
  currency: string;
  subtotalCents: number;
  shippingFeeCents: number;
  taxCents: number;
  totalCents: number;
  buyerEmail: string | null;
  buyerMessage: string | null;
  /** Absent while TikTok hides it (UNPAID, ON_HOLD). */
  recipient: Recipient | null;
  packageId: string | null;
  deliveryOptionId: string | null;
  warehouseId: string | null;
  /** TikTok's ready-to-ship SLA (rts_sla_time): the order must be handed over by then. */
  dispatchDeadline: Date | null;
  trackingNumber: string | null;
  shippingProvider: string | null;
  cancelledAt: Date | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
  items: OrderSnapshotItem[];
}

const fromUnix = (seconds: number | undefined): Date | null => (seconds ? new Date(seconds * 1000) : null);
const orNull = (value: string | undefined): string | null => (value && value.trim() !== '' ? value : null);

export function aggregateLineItems(lineItems: readonly TikTokOrderLineItem[]): OrderSnapshotItem[] {
  const bySku = new Map<string, { item: OrderSnapshotItem; totalCents: number }>();
  for (const line of lineItems) {
    const existing = bySku.get(line.sku_id);
    const priceCents = moneyToCents(line.sale_price);
    if (existing) {
      existing.item.quantity += 1;
      existing.item.lineItemIds.push(line.id);
      existing.totalCents += priceCents;
      existing.item.unitPriceCents = Math.round(existing.totalCents / existing.item.quantity);
      continue;
    }
    bySku.set(line.sku_id, {
      totalCents: priceCents,
      item: {
        tiktokSkuId: line.sku_id,
        tiktokProductId: line.product_id,
        sellerSku: orNull(line.seller_sku),
        productName: line.product_name,
        skuName: orNull(line.sku_name),
        quantity: 1,
        unitPriceCents: priceCents,
        lineItemIds: [line.id],
      },
    });
  }
  return [...bySku.values()].map(({ item }) => item);
}

export function mapRecipient(address: TikTokOrder['recipient_address']): Recipient | null {
  if (!address) return null;
  const level = (name: string) => address.district_info.find((d) => d.address_level === name)?.address_name;
  const country = (address.region_code ?? '').toUpperCase();
  const name = address.name ?? [address.first_name, address.last_name].filter(Boolean).join(' ');
  return {
    name,
    phone: orNull(address.phone_number),
    addressLine1: address.address_line1 || address.address_detail || '',
    addressLine2: orNull(address.address_line2),
    // US: L0 country, L1 state, L2 county, L3 city. UK sends post_town.
    city: address.post_town || level('L3') || level('L2') || '',
    state: toStateCode(level('L1') ?? '', country),
    postalCode: address.postal_code ?? '',
    country,
    fullAddress: orNull(address.full_address),
  };
}

export function mapTikTokOrder(order: TikTokOrder): OrderSnapshot {
  const payment = order.payment;
  const items = aggregateLineItems(order.line_items);
  const lineTotal = order.line_items.reduce((sum, line) => sum + moneyToCents(line.sale_price), 0);
  const tax = payment.tax ?? undefined;
  return {
    tiktokOrderId: order.id,
    orderStatus: order.status,
    updateTime: order.update_time,
    tiktokCreatedAt: new Date(order.create_time * 1000),
    paidAt: fromUnix(order.paid_time),
    currency: payment.currency,
    subtotalCents: payment.sub_total !== undefined ? moneyToCents(payment.sub_total) : lineTotal,
    shippingFeeCents: moneyToCents(payment.shipping_fee),
    taxCents:
      tax !== undefined ? moneyToCents(tax) : moneyToCents(payment.product_tax) + moneyToCents(payment.shipping_fee_tax),
    totalCents: moneyToCents(payment.total_amount),
    buyerEmail: orNull(order.buyer_email),
    buyerMessage: orNull(order.buyer_message),
    recipient: mapRecipient(order.recipient_address),
    packageId: order.packages[0]?.id ?? orNull(order.line_items[0]?.package_id),
    deliveryOptionId: orNull(order.delivery_option_id),
    warehouseId: orNull(order.warehouse_id),
    dispatchDeadline: fromUnix(order.rts_sla_time),
    trackingNumber: orNull(order.tracking_number),
    shippingProvider: orNull(order.shipping_provider),
    cancelledAt: order.status === 'CANCELLED' ? (fromUnix(order.cancel_time) ?? fromUnix(order.update_time)) : null,
    shippedAt: fromUnix(order.rts_time),
    deliveredAt: fromUnix(order.delivery_time),
    items,
  };
}
