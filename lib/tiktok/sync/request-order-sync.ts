import 'server-only';
import { sql } from 'drizzle-orm';
import { tables, type Tx } from '@/lib/db';
import { enqueue } from '@/lib/queue';

export interface ShopRef {
  /** tiktok_shops.id */
  shopId: string;
  accountId: string;
}

/** One sync job per shop per second at most; each drains every pending order of the shop. */
export const ORDER_SYNC_DEBOUNCE_SECONDS = 1;

/**
 * Marks orders as "needs a detail fetch" (merging the webhook events waiting on them). Call inside the
 * transaction that settles the event; then, after commit, `scheduleOrderSync` — enqueueing after the
 * commit means the job can never run before the rows it must drain are visible.
 */
export async function requestOrderSync(
  tx: Tx,
  shop: ShopRef,
  tiktokOrderIds: readonly string[],
  eventId: string | null,
): Promise<void> {
  const unique = [...new Set(tiktokOrderIds)];
  if (unique.length === 0) return;
  const r = tables.tiktokOrderSyncRequests;
  await tx
    .insert(r)
    .values(
      unique.map((tiktokOrderId) => ({
        shopId: shop.shopId,
        accountId: shop.accountId,
        tiktokOrderId,
        eventIds: eventId ? [eventId] : [],
        requestedAt: sql`clock_timestamp()`,
      })),
    )
    .onConflictDoUpdate({
      target: [r.shopId, r.tiktokOrderId],
      // A new request for an order being fetched restarts it: the running fetch may predate the change,
      // so the row must survive that job (it deletes only the version it claimed) and be fetched again.
      set: {
        eventIds: sql`array(select distinct unnest(${r.eventIds} || excluded.event_ids))`,
        requestedAt: sql`clock_timestamp()`,
        claimedUntil: null,
      },
    });
}

export function scheduleOrderSync(shop: ShopRef): Promise<string | null> {
  return enqueue(
    'tiktok.sync-orders',
    { accountId: shop.accountId, shopId: shop.shopId },
    { debounce: { key: shop.shopId, seconds: ORDER_SYNC_DEBOUNCE_SECONDS } },
  );
}
