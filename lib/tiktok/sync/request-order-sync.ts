import 'server-only';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { systemDb, tables, type Tx } from '@/lib/db';
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

export function scheduleOrderSync(shop: ShopRef, options: { recheck?: boolean } = {}): Promise<string | null> {
  return enqueue(
    'tiktok.sync-orders',
    { accountId: shop.accountId, shopId: shop.shopId },
    { debounce: { key: shop.shopId, seconds: ORDER_SYNC_DEBOUNCE_SECONDS, recheck: options.recheck } },
  );
}

/**
 * The safety net under the after-commit enqueue (run by the shop's catch-up poll): requests that no
 * job holds and that have waited more than `olderThanSeconds` get a sync scheduled. They exist only if
 * a process stopped between a request's commit and its enqueue, or died holding a claim whose lease
 * then ran out (claim-order-requests.ts).
 */
export async function scheduleStrandedOrderSync(shop: ShopRef, olderThanSeconds = 30): Promise<boolean> {
  const r = tables.tiktokOrderSyncRequests;
  const [stranded] = await systemDb()
    .select({ id: r.tiktokOrderId })
    .from(r)
    .where(
      and(
        eq(r.shopId, shop.shopId),
        or(isNull(r.claimedUntil), lt(r.claimedUntil, sql`clock_timestamp()`)),
        lt(r.requestedAt, sql`clock_timestamp() - make_interval(secs => ${olderThanSeconds})`),
      ),
    )
    .limit(1);
  if (!stranded) return false;
  await scheduleOrderSync(shop, { recheck: true });
  return true;
}
