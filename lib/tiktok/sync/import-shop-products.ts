import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { asSystem, tables, type Tx } from '@/lib/db';
import { enqueueMany, QUEUE_PRIORITY } from '@/lib/queue';
import { loadShop } from '../shops/load-shop';
import { openShopApi } from '../shops/open-shop-api';
import { settleWebhookEvents } from '../webhooks/mark-webhook-events';
import type { ShopRef } from './request-order-sync';
import { toShopJobFailure } from './shop-job-failure';
import { upsertShopProducts } from './upsert-products';

/** Product webhooks and searches disagree by a few seconds at most; reach back a minute. */
const SEARCH_MARGIN_SECONDS = 60;
const PAGE_SIZE = 100;

export interface ImportProductsResult {
  skipped?: 'not_connected' | 'nothing_requested';
  pages: number;
  products: number;
  skus: number;
  stockSeeded: number;
}

/**
 * Imports a shop's products and SKUs. `full` (on connect and resync) pages through the whole catalog;
 * otherwise only what the pending product webhooks (5, 15, 16, 27) asked for: products updated since
 * the oldest of them. The pending request is cleared only if it is still the one read at the start.
 */
export async function importShopProducts(ref: ShopRef & { full?: boolean }): Promise<ImportProductsResult> {
  const result: ImportProductsResult = { pages: 0, products: 0, skus: 0, stockSeeded: 0 };
  const shop = await loadShop(ref.accountId, ref.shopId);
  if (!shop || shop.status !== 'connected') return { ...result, skipped: 'not_connected' };
  const r = tables.tiktokProductSyncRequests;
  // requested_at is read as text: it has microseconds, a JS Date would round it and never match again.
  const [request] = await asSystem((tx) =>
    tx
      .select({ updatedSince: r.updatedSince, eventIds: r.eventIds, requestedAt: sql<string>`${r.requestedAt}::text` })
      .from(r)
      .where(eq(r.shopId, shop.id)),
  );
  if (!ref.full && !request) return { ...result, skipped: 'nothing_requested' };

  const since = ref.full || !request ? undefined : new Date((request.updatedSince - SEARCH_MARGIN_SECONDS) * 1000);
  const api = openShopApi(shop);
  let pageToken: string | undefined;
  do {
    const page = await api.searchProducts({ updateTimeGe: since, pageSize: PAGE_SIZE, pageToken }).catch(async (error: unknown) => {
      throw await toShopJobFailure(shop, error);
    });
    const stored = await asSystem(async (tx) => {
      const upserted = await upsertShopProducts(tx, shop, page.items);
      await advanceLinkedOrders(tx, shop.accountId, upserted.linkedOrderIds);
      return upserted;
    });
    result.pages += 1;
    result.products += stored.products;
    result.skus += stored.skus;
    result.stockSeeded += stored.stockSeeded;
    pageToken = page.nextPageToken;
  } while (pageToken);

  if (request) {
    await asSystem(async (tx) => {
      await tx.delete(r).where(and(eq(r.shopId, shop.id), sql`${r.requestedAt} = ${request.requestedAt}::timestamptz`));
      await settleWebhookEvents(tx, request.eventIds, { status: 'processed' });
    });
  }
  return result;
}

/** Orders that were waiting for their SKU go back to the workflow. */
async function advanceLinkedOrders(tx: Tx, accountId: string, orderIds: string[]) {
  if (orderIds.length === 0) return;
  const o = tables.orders;
  const rows = await tx
    .select({ id: o.id, queue: o.processingQueue })
    .from(o)
    .where(and(eq(o.accountId, accountId), inArray(o.id, orderIds)));
  await enqueueMany(
    'orders.advance-order',
    rows.map((row) => ({ data: { accountId, orderId: row.id, reason: 'sku_linked' }, priority: QUEUE_PRIORITY[row.queue] })),
    { tx },
  );
}
