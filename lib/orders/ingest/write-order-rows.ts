import 'server-only';
import { sql } from 'drizzle-orm';
import type { AnyPgColumn, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { tables, type Tx } from '@/lib/db';
import type { OrderSnapshot, OrderSnapshotItem } from './map-tiktok-order';

type OrderInsert = typeof tables.orders.$inferInsert;

/** Order columns from a TikTok snapshot, for a new row. */
export function orderInsertValues(snapshot: OrderSnapshot): Omit<OrderInsert, 'accountId' | 'shopId' | 'tiktokOrderId'> {
  const now = new Date();
  return {
    orderStatus: snapshot.orderStatus,
    tiktokUpdateTime: snapshot.updateTime,
    currency: snapshot.currency,
    subtotalCents: snapshot.subtotalCents,
    shippingFeeCents: snapshot.shippingFeeCents,
    taxCents: snapshot.taxCents,
    totalCents: snapshot.totalCents,
    tiktokCreatedAt: snapshot.tiktokCreatedAt,
    buyerEmail: snapshot.buyerEmail,
    buyerMessage: snapshot.buyerMessage,
    recipient: snapshot.recipient,
    packageId: snapshot.packageId,
    deliveryOptionId: snapshot.deliveryOptionId,
    warehouseId: snapshot.warehouseId,
    paidAt: snapshot.paidAt,
    dispatchDeadline: snapshot.dispatchDeadline,
    trackingNumber: snapshot.trackingNumber,
    shippingProvider: snapshot.shippingProvider,
    cancelledAt: snapshot.cancelledAt,
    shippedAt: snapshot.shippedAt,
    deliveredAt: snapshot.deliveredAt ?? (snapshot.orderStatus === 'DELIVERED' ? now : null),
    completedAt: snapshot.orderStatus === 'COMPLETED' ? now : null,
  };
}

/**
 * The update of a stored order from a newer snapshot. What TikTok omits is kept (the address is hidden
 * in some states, tracking is empty before shipping) and milestone times are set once, so a time the
 * workflow recorded first is never overwritten. workflow_status, priority and queue belong to the
 * pipeline and are never written here.
 */
export function orderUpdateSet(snapshot: OrderSnapshot): PgUpdateSetSource<typeof tables.orders> {
  const o = tables.orders;
  const inserted = orderInsertValues(snapshot);
  const once = (column: AnyPgColumn, value: Date | null | undefined) =>
    value ? sql`coalesce(${column}, ${value.toISOString()}::timestamptz)` : undefined;
  const set: PgUpdateSetSource<typeof tables.orders> = {
    orderStatus: inserted.orderStatus,
    tiktokUpdateTime: inserted.tiktokUpdateTime,
    currency: inserted.currency,
    subtotalCents: inserted.subtotalCents,
    shippingFeeCents: inserted.shippingFeeCents,
    taxCents: inserted.taxCents,
    totalCents: inserted.totalCents,
    tiktokCreatedAt: inserted.tiktokCreatedAt,
    cancelledAt: once(o.cancelledAt, inserted.cancelledAt),
    shippedAt: once(o.shippedAt, inserted.shippedAt),
    deliveredAt: once(o.deliveredAt, inserted.deliveredAt),
    completedAt: once(o.completedAt, inserted.completedAt),
    updatedAt: new Date(),
  };
  const kept = [
    'buyerEmail',
    'buyerMessage',
    'recipient',
    'packageId',
    'deliveryOptionId',
    'warehouseId',
    'paidAt',
    'dispatchDeadline',
    'trackingNumber',
    'shippingProvider',
  ] as const;
  for (const key of kept) if (inserted[key] !== null && inserted[key] !== undefined) Object.assign(set, { [key]: inserted[key] });
  return Object.fromEntries(Object.entries(set).filter(([, value]) => value !== undefined));
}

/** An order's lines to write: the order row's id and the snapshot's items. */
export type OrderLines = { orderId: string; items: OrderSnapshotItem[] };

function itemRows(accountId: string, orders: readonly OrderLines[], skuIds: Map<string, string>) {
  return orders.flatMap(({ orderId, items }) => items.map((item) => ({
    accountId,
    orderId,
    skuId: skuIds.get(item.tiktokSkuId) ?? null,
    tiktokSkuId: item.tiktokSkuId,
    tiktokProductId: item.tiktokProductId,
    sellerSku: item.sellerSku,
    productName: item.productName,
    skuName: item.skuName,
    quantity: item.quantity,
    unitPriceCents: item.unitPriceCents,
    lineItemIds: item.lineItemIds,
  })));
}

/** The lines of new orders, one statement for all of them. */
export async function insertOrderItems(tx: Tx, accountId: string, orders: readonly OrderLines[], skuIds: Map<string, string>): Promise<void> {
  const rows = itemRows(accountId, orders, skuIds);
  if (rows.length === 0) return;
  await tx.insert(tables.orderItems).values(rows);
}

/** One row per SKU, keyed (order_id, tiktok_sku_id); a SKU link found once is never dropped. One statement. */
export async function upsertOrderItems(tx: Tx, accountId: string, orders: readonly OrderLines[], skuIds: Map<string, string>): Promise<void> {
  const rows = itemRows(accountId, orders, skuIds);
  if (rows.length === 0) return;
  const i = tables.orderItems;
  await tx
    .insert(i)
    .values(rows)
    .onConflictDoUpdate({
      target: [i.orderId, i.tiktokSkuId],
      set: {
        quantity: sql`excluded.quantity`,
        unitPriceCents: sql`excluded.unit_price_cents`,
        lineItemIds: sql`excluded.line_item_ids`,
        sellerSku: sql`excluded.seller_sku`,
        productName: sql`excluded.product_name`,
        skuName: sql`excluded.sku_name`,
        skuId: sql`coalesce(${i.skuId}, excluded.sku_id)`,
      },
    });
}
