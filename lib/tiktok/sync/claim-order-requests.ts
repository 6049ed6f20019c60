import 'server-only';
import { sql } from 'drizzle-orm';
import { asSystem, systemDb } from '@/lib/db';
import { MAX_ORDER_IDS_PER_DETAIL_CALL } from '../constants';

/**
 * A claim is a lease: the job renews it while it works on the claimed requests
 * (`renewOrderRequests`, every CLAIM_RENEW_MS), so a detail call may take as long as its retries
 * need, while the claims of a job whose process died free themselves within CLAIM_LEASE_SECONDS;
 * the catch-up poll then schedules a sync for them (scheduleStrandedOrderSync).
 */
export const CLAIM_LEASE_SECONDS = 30;
export const CLAIM_RENEW_MS = 10_000;

export interface ClaimedRequest {
  tiktokOrderId: string;
  eventIds: string[];
  /** As text: microseconds matter for the compare-and-delete (a JS Date would round them). */
  requestedAt: string;
}

/**
 * Claims up to 50 unclaimed (or expired) requests of a shop, oldest first, in a short transaction of
 * its own (SKIP LOCKED: concurrent jobs take different orders). Nothing stays locked while TikTok is
 * asked; the job then settles exactly the versions it claimed (settleClaimedRequests).
 *
 * The pick is a MATERIALIZED CTE, run once. As a subquery joined to the table it was a plan choice:
 * with statistics that expect one row (taken after a burst was synced) the planner put it inside a
 * nested loop, where it ran, and locked its next rows, once per row, claiming well over 50. The
 * update then finds the picked rows by key (`= any`), not by a join the planner could scan the
 * shop's requests for.
 */
export async function claimOrderRequests(shopRowId: string): Promise<ClaimedRequest[]> {
  const result = await asSystem((tx) =>
    tx.execute<{ tiktok_order_id: string; event_ids: string[]; requested_at: string }>(sql`
      with picked as materialized (
        select tiktok_order_id from public.tiktok_order_sync_requests
        where shop_id = ${shopRowId} and (claimed_until is null or claimed_until < clock_timestamp())
        order by requested_at
        limit ${MAX_ORDER_IDS_PER_DETAIL_CALL}
        for update skip locked
      )
      update public.tiktok_order_sync_requests r
      set claimed_until = clock_timestamp() + make_interval(secs => ${CLAIM_LEASE_SECONDS})
      where r.shop_id = ${shopRowId} and r.tiktok_order_id = any(array(select tiktok_order_id from picked))
      returning r.tiktok_order_id, r.event_ids, r.requested_at::text as requested_at`),
  );
  return result.rows.map((row) => ({ tiktokOrderId: row.tiktok_order_id, eventIds: row.event_ids, requestedAt: row.requested_at }));
}

/** Extends the lease on claimed requests still at the version claimed (a newer request is not ours). */
export async function renewOrderRequests(shopRowId: string, claimed: readonly ClaimedRequest[]): Promise<void> {
  if (claimed.length === 0) return;
  await systemDb().execute(sql`
    update public.tiktok_order_sync_requests r set claimed_until = clock_timestamp() + make_interval(secs => ${CLAIM_LEASE_SECONDS})
    from jsonb_to_recordset(${JSON.stringify(claimed)}::jsonb) as c("tiktokOrderId" text, "requestedAt" text)
    where r.shop_id = ${shopRowId} and r.tiktok_order_id = c."tiktokOrderId" and r.requested_at = c."requestedAt"::timestamptz
      and r.claimed_until is not null`);
}

/** Gives claimed requests back (the fetch failed); versions changed meanwhile are left as they are. */
export async function releaseOrderRequests(shopRowId: string, claimed: readonly ClaimedRequest[]): Promise<void> {
  if (claimed.length === 0) return;
  await asSystem((tx) =>
    tx.execute(sql`
      update public.tiktok_order_sync_requests r set claimed_until = null
      from jsonb_to_recordset(${JSON.stringify(claimed)}::jsonb) as c("tiktokOrderId" text, "requestedAt" text)
      where r.shop_id = ${shopRowId} and r.tiktok_order_id = c."tiktokOrderId" and r.requested_at = c."requestedAt"::timestamptz`),
  );
}
