import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { asSystem, tables, type Tx } from '@/lib/db';
import { logger } from '@/lib/logger';
import { upsertTikTokOrders } from '@/lib/orders/ingest';
import { MAX_ORDER_IDS_PER_DETAIL_CALL } from '../constants';
import { loadShop } from '../shops/load-shop';
import { openShopApi } from '../shops/open-shop-api';
import { settleWebhookEvents } from '../webhooks/mark-webhook-events';
import { CLAIM_RENEW_MS, claimOrderRequests, releaseOrderRequests, renewOrderRequests, type ClaimedRequest } from './claim-order-requests';
import { reportCreatedOrders } from './report-created-orders';
import { scheduleOrderSync, type ShopRef } from './request-order-sync';
import { toShopJobFailure } from './shop-job-failure';

/** Batches per run before the job hands over to a fresh one (keeps one run's duration bounded). */
const MAX_BATCHES_PER_RUN = 100;

/** Detail calls in flight per shop (TikTok's per-shop QPS limit is enforced by the client). */
const SYNC_LANES = 4;

export interface SyncRequestedOrdersResult {
  batches: number;
  fetched: number;
  created: number;
  updated: number;
  missing: number;
}

/**
 * Drains a shop's pending order requests (written by the webhook route), ≤ 50 ids per Get Order Detail
 * call. Each batch: claim (short transaction) → ask TikTok with no transaction open → one transaction
 * that upserts the orders, settles the events that were waiting, and deletes the requests it claimed
 * unless a newer event re-requested them meanwhile. A failed call gives the claims back and the job
 * retries. Claims are a lease the job renews while it works, so a crashed job's run out within
 * CLAIM_LEASE_SECONDS and the catch-up poll schedules them again.
 */
export async function syncRequestedOrders(ref: ShopRef): Promise<SyncRequestedOrdersResult> {
  const result: SyncRequestedOrdersResult = { batches: 0, fetched: 0, created: 0, updated: 0, missing: 0 };
  const shop = await loadShop(ref.accountId, ref.shopId);
  if (!shop) return result;
  if (shop.status !== 'connected') {
    await dropRequests(shop.id, `shop is ${shop.status}`);
    return result;
  }
  const api = openShopApi(shop);

  // One lane: claim ≤ 50 requests, fetch them, upsert them; until none are left. A claim that
  // comes back full means a spike: another lane starts (up to SYNC_LANES), claiming different
  // requests (SKIP LOCKED), so the spike's detail calls and upserts overlap. A trickle stays in one
  // lane, which lets requests coalesce into full calls.
  const syncBatch = async (claimed: ClaimedRequest[]) => {
    const orders = await api.getOrderDetails(claimed.map((request) => request.tiktokOrderId)).catch(async (error: unknown) => {
      await releaseOrderRequests(shop.id, claimed);
      throw await toShopJobFailure(shop, error);
    });
    const ingested = await asSystem(async (tx) => {
      const upserted = await upsertTikTokOrders(tx, { accountId: shop.accountId, shopId: shop.id, orders, source: 'webhook' });
      const returned = new Set(orders.map((order) => order.id));
      await settleClaimed(tx, shop.id, claimed.filter((request) => returned.has(request.tiktokOrderId)), { status: 'processed' });
      for (const request of claimed.filter((candidate) => !returned.has(candidate.tiktokOrderId))) {
        await settleClaimed(tx, shop.id, [request], { status: 'failed', error: `TikTok did not return order ${request.tiktokOrderId}` });
        result.missing += 1;
      }
      return upserted;
    });
    reportCreatedOrders(shop, ingested.created, 'webhook');
    result.fetched += orders.length;
    result.created += ingested.created.length;
    result.updated += ingested.updated.length;
  };
  const lanes: Promise<void>[] = [];
  const lane = async () => {
    while (result.batches < MAX_BATCHES_PER_RUN) {
      const claimed = await claimOrderRequests(shop.id);
      if (claimed.length === 0) return;
      result.batches += 1;
      if (claimed.length === MAX_ORDER_IDS_PER_DETAIL_CALL && lanes.length < SYNC_LANES) lanes.push(lane());
      // Keep the claims' lease while this batch is worked on; if the process dies, it runs out.
      const lease = setInterval(() => {
        renewOrderRequests(shop.id, claimed).catch((error: unknown) => logger.warn({ err: error, shopId: shop.id }, 'could not renew order sync claims'));
      }, CLAIM_RENEW_MS);
      try {
        await syncBatch(claimed);
      } finally {
        clearInterval(lease);
      }
    }
  };
  lanes.push(lane());
  const outcomes: PromiseSettledResult<void>[] = [];
  // Lanes may start lanes: wait until every one started has ended.
  while (outcomes.length < lanes.length) outcomes.push(...(await Promise.allSettled(lanes.slice(outcomes.length))));
  const failed = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  // Still more: a new run (debounced like any other request) continues where this one stopped.
  if (result.batches >= MAX_BATCHES_PER_RUN) await scheduleOrderSync(ref);
  return result;
}

/** Settles the claimed events and deletes each request only if it is still the version claimed. */
async function settleClaimed(
  tx: Tx,
  shopRowId: string,
  claimed: readonly ClaimedRequest[],
  outcome: { status: 'processed' | 'failed'; error?: string },
) {
  if (claimed.length === 0) return;
  await settleWebhookEvents(tx, claimed.flatMap((request) => request.eventIds), outcome);
  await tx.execute(sql`
    delete from public.tiktok_order_sync_requests r
    using jsonb_to_recordset(${JSON.stringify(claimed)}::jsonb) as c("tiktokOrderId" text, "requestedAt" text)
    where r.shop_id = ${shopRowId} and r.tiktok_order_id = c."tiktokOrderId" and r.requested_at = c."requestedAt"::timestamptz`);
}

async function dropRequests(shopRowId: string, reason: string) {
  const r = tables.tiktokOrderSyncRequests;
  await asSystem(async (tx) => {
    const dropped = await tx.delete(r).where(eq(r.shopId, shopRowId)).returning({ eventIds: r.eventIds });
    await settleWebhookEvents(tx, dropped.flatMap((row) => row.eventIds), { status: 'ignored', error: reason });
  });
}
