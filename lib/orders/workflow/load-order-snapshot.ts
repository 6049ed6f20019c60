import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { tables, type Tx } from '@/lib/db';
import type { OrderSnapshot } from './snapshot';

/** The order, its lines (with each SKU's weight) and its newest shipment; null if not this account's. */
export async function loadOrderSnapshot(tx: Tx, input: { accountId: string; orderId: string }): Promise<OrderSnapshot | null> {
  const { orders, orderItems, skus, shipments } = tables;
  const [order] = await tx
    .select()
    .from(orders)
    .where(and(eq(orders.id, input.orderId), eq(orders.accountId, input.accountId)));
  if (!order) return null;
  const [items, shipmentRows] = await Promise.all([
    tx
      .select({
        skuId: orderItems.skuId, tiktokSkuId: orderItems.tiktokSkuId, tiktokProductId: orderItems.tiktokProductId,
        sellerSku: orderItems.sellerSku, productName: orderItems.productName, quantity: orderItems.quantity,
        unitPriceCents: orderItems.unitPriceCents, weightGrams: skus.weightGrams,
      })
      .from(orderItems)
      .leftJoin(skus, eq(skus.id, orderItems.skuId))
      .where(and(eq(orderItems.orderId, order.id), eq(orderItems.accountId, input.accountId)))
      .orderBy(orderItems.tiktokSkuId),
    tx
      .select({
        id: shipments.id, status: shipments.status, carrier: shipments.carrier, trackingNumber: shipments.trackingNumber,
        trackingUrl: shipments.trackingUrl, provider: shipments.provider, servicelevelName: shipments.servicelevelName,
        trackingStatus: shipments.trackingStatus, trackingStatusRank: shipments.trackingStatusRank,
      })
      .from(shipments)
      .where(and(eq(shipments.orderId, order.id), eq(shipments.accountId, input.accountId)))
      .orderBy(desc(shipments.createdAt))
      .limit(1),
  ]);
  return { order, items, shipment: shipmentRows[0] ?? null };
}
