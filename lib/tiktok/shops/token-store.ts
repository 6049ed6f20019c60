import 'server-only';
import { eq } from 'drizzle-orm';
import { decryptSecret, encryptSecret } from '@/lib/crypto';
import { asSystem, systemDb, tables } from '@/lib/db';
import type { TokenSet, TokenStore } from '../types';
import { ShopNotConnectedError } from './errors';

type ShopRow = typeof tables.tiktokShops.$inferSelect;

/** Associated data binds each ciphertext to its shop and column: a token pasted into another row fails. */
const aad = (tiktokShopId: string, column: 'access_token' | 'refresh_token') => ({
  associatedData: `tiktok_shops:${tiktokShopId}:${column}`,
});

/** The encrypted columns of tiktok_shops for a token set (used by connect and by save). */
export function sealTokens(tiktokShopId: string, tokens: TokenSet, key: string) {
  return {
    accessTokenEnc: encryptSecret(tokens.accessToken, key, aad(tiktokShopId, 'access_token')),
    refreshTokenEnc: encryptSecret(tokens.refreshToken, key, aad(tiktokShopId, 'refresh_token')),
    accessTokenExpiresAt: tokens.accessTokenExpiresAt,
    refreshTokenExpiresAt: tokens.refreshTokenExpiresAt,
    openId: tokens.openId,
    grantedScopes: tokens.grantedScopes,
  };
}

export function openTokens(shop: ShopRow, key: string): TokenSet {
  if (shop.status !== 'connected' || !shop.accessTokenEnc || !shop.refreshTokenEnc) {
    throw new ShopNotConnectedError(shop.id, shop.status);
  }
  return {
    accessToken: decryptSecret(shop.accessTokenEnc, key, aad(shop.shopId, 'access_token')),
    refreshToken: decryptSecret(shop.refreshTokenEnc, key, aad(shop.shopId, 'refresh_token')),
    accessTokenExpiresAt: shop.accessTokenExpiresAt ?? new Date(0),
    refreshTokenExpiresAt: shop.refreshTokenExpiresAt ?? new Date(0),
    openId: shop.openId ?? '',
    sellerName: shop.name,
    sellerBaseRegion: shop.region ?? undefined,
    grantedScopes: shop.grantedScopes,
  };
}

/**
 * The TokenStore of one connected shop, on the system path (jobs). `save` commits before it resolves and
 * is a compare-and-set under a row lock: a token set that expires no later than the stored one is
 * dropped, so two workers refreshing at once cannot replace the newer tokens with the older ones.
 */
export function createPostgresTokenStore(input: { shopRowId: string; encryptionKey: string; loaded?: ShopRow }): TokenStore {
  const { shopRowId, encryptionKey } = input;
  const byId = eq(tables.tiktokShops.id, shopRowId);
  // A row the caller read a moment ago answers the first load (one read less per job); every later
  // load reads again, so a refresh always starts from the stored tokens.
  let loaded = input.loaded?.id === shopRowId ? input.loaded : undefined;
  return {
    async load() {
      if (loaded) {
        const row = loaded;
        loaded = undefined;
        return openTokens(row, encryptionKey);
      }
      const [shop] = await systemDb().select().from(tables.tiktokShops).where(byId);
      if (!shop) throw new ShopNotConnectedError(shopRowId, 'missing');
      return openTokens(shop, encryptionKey);
    },
    async save(tokens) {
      await asSystem(async (tx) => {
        const [shop] = await tx.select().from(tables.tiktokShops).where(byId).for('update');
        if (!shop) throw new ShopNotConnectedError(shopRowId, 'missing');
        // A disconnect that landed meanwhile wins: never write tokens back into a disconnected shop.
        if (shop.status !== 'connected') return;
        const storedExpiry = shop.accessTokenExpiresAt?.getTime() ?? 0;
        if (shop.accessTokenEnc && storedExpiry > tokens.accessTokenExpiresAt.getTime()) return;
        await tx
          .update(tables.tiktokShops)
          .set({ ...sealTokens(shop.shopId, tokens, encryptionKey), updatedAt: new Date() })
          .where(byId);
      });
    },
  };
}
