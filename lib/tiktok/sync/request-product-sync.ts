import 'server-only';
import { sql } from 'drizzle-orm';
import { tables, type Tx } from '@/lib/db';
import { enqueue } from '@/lib/queue';
import type { ShopRef } from './request-order-sync';

/** Product edits come in flurries (title, price, stock); one import per shop every few seconds is plenty. */
export const PRODUCT_SYNC_DEBOUNCE_SECONDS = 5;

/**
 * Records that products of the shop changed at `updateTime` (Unix s). One row per shop keeps the
 * OLDEST time asked for, so the next import searches far enough back for every pending event; the
 * import clears the row only if it is still the one it read (requested_at moves on every request).
 */
export async function requestProductSync(tx: Tx, shop: ShopRef, updateTime: number, eventId: string | null): Promise<void> {
  const r = tables.tiktokProductSyncRequests;
  await tx
    .insert(r)
    .values({
      shopId: shop.shopId,
      accountId: shop.accountId,
      updatedSince: updateTime,
      eventIds: eventId ? [eventId] : [],
      requestedAt: sql`clock_timestamp()`,
    })
    .onConflictDoUpdate({
      target: r.shopId,
      set: {
        updatedSince: sql`least(${r.updatedSince}, excluded.updated_since)`,
        eventIds: sql`array(select distinct unnest(${r.eventIds} || excluded.event_ids))`,
        requestedAt: sql`clock_timestamp()`,
      },
    });
}

export function scheduleProductSync(shop: ShopRef): Promise<string | null> {
  return enqueue(
    'tiktok.import-products',
    { accountId: shop.accountId, shopId: shop.shopId },
    { debounce: { key: `products:${shop.shopId}`, seconds: PRODUCT_SYNC_DEBOUNCE_SECONDS } },
  );
}
