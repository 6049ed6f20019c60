import 'server-only';
import { eq } from 'drizzle-orm';
import { tables, type Tx } from '@/lib/db';

export interface ShopRoute {
  shopRowId: string;
  accountId: string;
}

/**
 * Which account a webhook's `shop_id` belongs to. A shop row never changes account (connecting a shop
 * owned by another account is refused), so hits are cached briefly per process: the webhook route is
 * the hot path and this saves it a round trip. Misses are not cached, so a shop connected a second ago
 * is found at once.
 */
const HIT_TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 10_000;
const cache = new Map<string, { route: ShopRoute; until: number }>();

export async function findShopByTikTokId(tx: Tx, tiktokShopId: string): Promise<ShopRoute | null> {
  const cached = cache.get(tiktokShopId);
  if (cached && cached.until > Date.now()) return cached.route;
  const [row] = await tx
    .select({ shopRowId: tables.tiktokShops.id, accountId: tables.tiktokShops.accountId })
    .from(tables.tiktokShops)
    .where(eq(tables.tiktokShops.shopId, tiktokShopId));
  if (!row) return null;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(tiktokShopId, { route: row, until: Date.now() + HIT_TTL_MS });
  return row;
}
