import 'server-only';
import { sql } from 'drizzle-orm';
import { anyOf, insertJsonRows, tables, type Tx } from '@/lib/db';
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

// How a newer snapshot updates a stored order. What TikTok omits is kept (the address is hidden in
// some states, tracking is empty before shipping) and milestone times are set once, so a time the
// workflow recorded first is never overwritten. workflow_status, priority and queue belong to the
// pipeline and are never written here.
const REPLACED = ['orderStatus', 'tiktokUpdateTime', 'currency', 'subtotalCents', 'shippingFeeCents', 'taxCents', 'totalCents', 'tiktokCreatedAt'] as const;
const SET_ONCE = ['cancelledAt', 'shippedAt', 'deliveredAt', 'completedAt'] as const;
const KEPT_IF_OMITTED = ['buyerEmail', 'buyerMessage', 'recipient', 'packageId', 'deliveryOptionId', 'warehouseId', 'paidAt', 'dispatchDeadline', 'trackingNumber', 'shippingProvider'] as const;
type UpdatedColumn = (typeof REPLACED)[number] | (typeof SET_ONCE)[number] | (typeof KEPT_IF_OMITTED)[number];

const column = (key: UpdatedColumn) => sql.identifier(tables.orders[key].name);
const assignments = sql.join([
  ...REPLACED.map((key) => sql`${column(key)} = p.${column(key)}`),
  ...SET_ONCE.map((key) => sql`${column(key)} = coalesce(o.${column(key)}, p.${column(key)})`),
  ...KEPT_IF_OMITTED.map((key) => sql`${column(key)} = coalesce(p.${column(key)}, o.${column(key)})`),
  sql`updated_at = now()`,
], sql`, `);

/**
 * Stored orders updated from newer snapshots, one statement for all of them. Each order's values
 * travel as JSON keyed by column name and are cast to the column types by jsonb_populate_record;
 * a value the snapshot lacks is absent, so it reads as null (kept, or not set yet).
 */
export async function updateOrdersFromSnapshots(tx: Tx, changes: readonly { orderId: string; snapshot: OrderSnapshot }[]): Promise<void> {
  if (changes.length === 0) return;
  const rows = changes.map(({ orderId, snapshot }) => {
    const values = orderInsertValues(snapshot);
    const patch: Record<string, unknown> = {};
    for (const key of [...REPLACED, ...SET_ONCE, ...KEPT_IF_OMITTED]) {
      const value = values[key];
      if (value !== null && value !== undefined) patch[tables.orders[key].name] = value instanceof Date ? value.toISOString() : value;
    }
    return { id: orderId, patch };
  });
  await tx.execute(sql`
    update public.orders o set ${assignments}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(id uuid, patch jsonb)
      cross join lateral jsonb_populate_record(null::public.orders, v.patch) p
    where ${anyOf(sql`o.id`, rows.map((row) => row.id))} and o.id = v.id`);
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
  await tx.execute(insertJsonRows(tables.orderItems, rows));
}

/** One row per SKU, keyed (order_id, tiktok_sku_id); a SKU link found once is never dropped. One statement. */
export async function upsertOrderItems(tx: Tx, accountId: string, orders: readonly OrderLines[], skuIds: Map<string, string>): Promise<void> {
  const rows = itemRows(accountId, orders, skuIds);
  if (rows.length === 0) return;
  // An order that changed only its status (most of them) keeps its lines as they are: no new row
  // versions, no index entries, for lines TikTok sent again unchanged.
  await tx.execute(sql`
    ${insertJsonRows(tables.orderItems, rows)}
    on conflict (order_id, tiktok_sku_id) do update set
      quantity = excluded.quantity, unit_price_cents = excluded.unit_price_cents, line_item_ids = excluded.line_item_ids,
      seller_sku = excluded.seller_sku, product_name = excluded.product_name, sku_name = excluded.sku_name,
      sku_id = coalesce(order_items.sku_id, excluded.sku_id)
    where (order_items.quantity, order_items.unit_price_cents, order_items.line_item_ids, order_items.seller_sku, order_items.product_name, order_items.sku_name)
        is distinct from (excluded.quantity, excluded.unit_price_cents, excluded.line_item_ids, excluded.seller_sku, excluded.product_name, excluded.sku_name)
      or (order_items.sku_id is null and excluded.sku_id is not null)`);
}
