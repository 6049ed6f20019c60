import 'server-only';
import { and, eq, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
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
 * The upsert behind every order sync request: a new request for an order being fetched restarts it
 * (the running fetch may predate the change, so the row must survive that job, which deletes only
 * the version it claimed, and be fetched again), and the webhook events waiting on it merge.
 * Ids go in sorted order, so two overlapping requests lock their rows alike.
 */
export function upsertOrderSyncRequests(shop: ShopRef, tiktokOrderIds: readonly string[], eventIds: SQL): SQL {
  const ids = [...new Set(tiktokOrderIds)].sort();
  return upsertOrderSyncRequestRows({
    shopId: sql`${shop.shopId}::uuid`,
    tiktokOrderId: sql`ids.id`,
    accountId: sql`${shop.accountId}::uuid`,
    eventIds,
    from: sql`unnest(${sql.param(ids)}::text[]) with ordinality as ids(id, n)`,
    orderBy: sql`ids.n`,
  });
}

/**
 * upsertOrderSyncRequests over rows of any shape (the webhook route's statement: several shops, each
 * order's events aggregated, `eventIds` an expression over `from`): one row per (shop, order), since
 * ON CONFLICT DO UPDATE cannot touch a row twice in one statement, in `orderBy` order, which must sort
 * as upsertOrderSyncRequests does (shop, then order id in code-point order) so concurrent statements
 * lock their rows alike.
 */
export function upsertOrderSyncRequestRows(rows: { shopId: SQL; tiktokOrderId: SQL; accountId: SQL; eventIds: SQL; from: SQL; orderBy: SQL }): SQL {
  return sql`
    insert into public.tiktok_order_sync_requests as r (shop_id, tiktok_order_id, account_id, event_ids, requested_at)
    select ${rows.shopId}, ${rows.tiktokOrderId}, ${rows.accountId}, ${rows.eventIds}, clock_timestamp()
    from ${rows.from}
    order by ${rows.orderBy}
    on conflict (shop_id, tiktok_order_id) do update set
      event_ids = array(select distinct unnest(r.event_ids || excluded.event_ids)),
      requested_at = clock_timestamp(),
      claimed_until = null`;
}

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
  if (tiktokOrderIds.length === 0) return;
  await tx.execute(upsertOrderSyncRequests(shop, tiktokOrderIds, eventId ? sql`array[${eventId}::uuid]` : sql`'{}'::uuid[]`));
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
