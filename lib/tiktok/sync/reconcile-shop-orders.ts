import 'server-only';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { asSystem, tables } from '@/lib/db';
import { upsertTikTokOrders } from '@/lib/orders/ingest';
import { loadShop } from '../shops/load-shop';
import { openShopApi } from '../shops/open-shop-api';
import { reportCreatedOrders } from './report-created-orders';
import { scheduleStrandedOrderSync, type ShopRef } from './request-order-sync';
import { unscheduleReconciliation } from './reconcile-schedule';
import { withShopLock } from './shop-lock';
import { toShopJobFailure } from './shop-job-failure';

/**
 * incremental: orders updated since last_synced_at minus the overlap (the scheduled catch-up poll);
 * initial: the last INITIAL_SYNC_DAYS (first connection; older orders are history, not work);
 * full: every order the shop has (resync on demand).
 */
export type ReconcileMode = 'incremental' | 'initial' | 'full';

export const INITIAL_SYNC_DAYS = 30;
const PAGE_SIZE = 100;

export interface ReconcileResult {
  skipped?: 'not_connected' | 'already_running';
  pages: number;
  orders: number;
  created: number;
  updated: number;
  since: Date | null;
}

/**
 * Searches the shop's orders by update_time and upserts every page, so an order whose webhooks were
 * lost still arrives within one interval. last_synced_at moves to the time the search STARTED, and
 * the next run reaches back `overlapSeconds` before it, which covers orders that changed while a page
 * was being read. One run per shop at a time (advisory lock); a scheduled run that finds another
 * running just skips, an on-demand one throws so the queue retries it. A run also schedules a sync for
 * fetch requests left without one (scheduleStrandedOrderSync).
 */
export async function reconcileShopOrders(
  ref: ShopRef & { mode: ReconcileMode },
  config: { overlapSeconds: number; now?: () => Date },
): Promise<ReconcileResult> {
  const result: ReconcileResult = { pages: 0, orders: 0, created: 0, updated: 0, since: null };
  const shop = await loadShop(ref.accountId, ref.shopId);
  if (!shop || shop.status !== 'connected') {
    await unscheduleReconciliation(ref.shopId);
    return { ...result, skipped: 'not_connected' };
  }

  const run = await withShopLock(`tiktok-reconcile:${shop.id}`, async () => {
    const now = config.now ?? (() => new Date());
    const startedAt = now();
    result.since = sinceFor(ref.mode, shop.lastSyncedAt, startedAt, config.overlapSeconds);
    const api = openShopApi(shop);
    let pageToken: string | undefined;
    do {
      const page = await api
        .searchOrders({
          filters: result.since ? { updateTimeGe: result.since } : {},
          sortField: 'update_time',
          sortOrder: 'ASC',
          pageSize: PAGE_SIZE,
          pageToken,
        })
        .catch(async (error: unknown) => {
          throw await toShopJobFailure(shop, error);
        });
      const ingested = await asSystem((tx) =>
        upsertTikTokOrders(tx, { accountId: shop.accountId, shopId: shop.id, orders: page.items, source: 'poll' }),
      );
      reportCreatedOrders(shop, ingested.created, 'poll');
      result.pages += 1;
      result.orders += page.items.length;
      result.created += ingested.created.length;
      result.updated += ingested.updated.length;
      pageToken = page.nextPageToken;
    } while (pageToken);

    const s = tables.tiktokShops;
    await asSystem((tx) =>
      tx
        .update(s)
        .set({ lastSyncedAt: startedAt, lastError: null })
        .where(and(eq(s.id, shop.id), or(isNull(s.lastSyncedAt), lt(s.lastSyncedAt, startedAt)))),
    );
    return result;
  });
  if (!run.busy) {
    await scheduleStrandedOrderSync(ref);
    return run.value;
  }
  if (ref.mode === 'incremental') return { ...result, skipped: 'already_running' };
  throw new Error(`a reconciliation of shop ${shop.id} is running; the ${ref.mode} sync will retry`);
}

function sinceFor(mode: ReconcileMode, lastSyncedAt: Date | null, now: Date, overlapSeconds: number): Date | null {
  if (mode === 'full') return null;
  const initial = new Date(now.getTime() - INITIAL_SYNC_DAYS * 86_400_000);
  if (mode === 'initial' || !lastSyncedAt) return initial;
  return new Date(lastSyncedAt.getTime() - overlapSeconds * 1000);
}

