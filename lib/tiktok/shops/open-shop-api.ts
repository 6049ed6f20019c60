import 'server-only';
import type { tables } from '@/lib/db';
import { getTikTokClient, tiktokAppConfig } from '../app-client';
import type { TikTokShopApi } from '../shop-api';
import { createPostgresTokenStore } from './token-store';

type ShopRow = typeof tables.tiktokShops.$inferSelect;

/**
 * The signed, rate-limited, circuit-broken API of one stored shop, with its tokens kept in Postgres.
 * `shop` is the row as just read: its tokens serve the first call without reading it again.
 */
export function openShopApi(shop: ShopRow): TikTokShopApi {
  return getTikTokClient().forShop({
    shopId: shop.shopId,
    shopCipher: shop.shopCipher,
    tokens: createPostgresTokenStore({ shopRowId: shop.id, encryptionKey: tiktokAppConfig().encryptionKey, loaded: shop }),
  });
}
