import 'server-only';
import { sql } from 'drizzle-orm';
import { asSystem } from '@/lib/db';
import { MAX_ORDER_IDS_PER_DETAIL_CALL } from '../constants';

/** Long enough for a detail call with its retries; a crashed job's claim frees itself after it. */
const CLAIM_SECONDS = 300;

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
 */
export async function claimOrderRequests(shopRowId: string): Promise<ClaimedRequest[]> {
  const result = await asSystem((tx) =>
    tx.execute<{ tiktok_order_id: string; event_ids: string[]; requested_at: string }>(sql`
      update public.tiktok_order_sync_requests r
      set claimed_until = clock_timestamp() + make_interval(secs => ${CLAIM_SECONDS})
      from (
        select shop_id, tiktok_order_id from public.tiktok_order_sync_requests
        where shop_id = ${shopRowId} and (claimed_until is null or claimed_until < clock_timestamp())
        order by requested_at
        limit ${MAX_ORDER_IDS_PER_DETAIL_CALL}
        for update skip locked
      ) picked
      where r.shop_id = picked.shop_id and r.tiktok_order_id = picked.tiktok_order_id
      returning r.tiktok_order_id, r.event_ids, r.requested_at::text as requested_at`),
  );
  return result.rows.map((row) => ({ tiktokOrderId: row.tiktok_order_id, eventIds: row.event_ids, requestedAt: row.requested_at }));
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
