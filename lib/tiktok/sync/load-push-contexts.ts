import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { inPairs, systemDb, tables } from '@/lib/db';

export type PushRef = { accountId: string; orderId: string };
export type PushContext = {
  order: typeof tables.orders.$inferSelect;
  /** The order's newest purchased shipment, if any. */
  shipment: typeof tables.shipments.$inferSelect | null;
  /** Null when the order's shop is no longer this account's. */
  shop: typeof tables.tiktokShops.$inferSelect | null;
};

/**
 * Each order of `refs` with its newest purchased shipment and its shop, in one statement (a read: no
 * transaction needed), for the single and the batch tracking push alike. An order that is not its
 * account's is left out.
 */
export async function loadPushContexts(refs: readonly PushRef[]): Promise<PushContext[]> {
  if (refs.length === 0) return [];
  const { orders, shipments: s, tiktokShops: shops } = tables;
  const newestPurchased = sql`(
    select sh.id from public.shipments sh
    where sh.order_id = ${orders.id} and sh.account_id = ${orders.accountId} and sh.status = 'purchased'
    order by sh.purchased_at desc, sh.created_at desc
    limit 1)`;
  return systemDb()
    .select({ order: orders, shipment: s, shop: shops })
    .from(orders)
    .leftJoin(s, eq(s.id, newestPurchased))
    .leftJoin(shops, and(eq(shops.id, orders.shopId), eq(shops.accountId, orders.accountId)))
    .where(inPairs([orders.id, orders.accountId], refs.map((ref) => [ref.orderId, ref.accountId])));
}

/** TikTok already holds this tracking number for the order: pushing again would change nothing. */
export function isTrackingPushed(order: PushContext['order'], trackingNumber: string): boolean {
  return order.trackingPushedAt !== null && order.trackingNumber === trackingNumber;
}
