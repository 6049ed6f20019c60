import 'server-only';
import { eq } from 'drizzle-orm';
import { tables, type Tx } from '@/lib/db';
import { enqueueShopAuthorizationExpiringEmail } from '@/lib/email';
import type { ShopRow } from './load-shop';
import { raiseShopAlert, resolveShopAlerts } from './shop-alerts';

/**
 * SELLER_DEAUTHORIZATION (type 6): the seller removed our app. Tokens are useless from now on, so they
 * are wiped, the shop is marked disconnected and the account gets a critical alert. The caller stops
 * the shop's reconciliation after commit.
 */
export async function applySellerDeauthorization(tx: Tx, shop: ShopRow): Promise<void> {
  await tx
    .update(tables.tiktokShops)
    .set({
      status: 'disconnected',
      accessTokenEnc: null,
      refreshTokenEnc: null,
      lastError: 'The seller removed CreatorFlow’s authorization in TikTok Shop',
      updatedAt: new Date(),
    })
    .where(eq(tables.tiktokShops.id, shop.id));
  await resolveShopAlerts(tx, shop.accountId, shop.id, ['shop_authorization_expiring']);
  await raiseShopAlert(tx, {
    accountId: shop.accountId,
    shopRowId: shop.id,
    kind: 'shop_disconnected',
    severity: 'critical',
    title: `${shop.name} was disconnected from TikTok Shop`,
    body: 'The seller removed the authorization. New orders stop arriving until the shop is connected again in Settings → Shops.',
  });
}

/**
 * UPCOMING_AUTHORIZATION_EXPIRATION (type 7): TikTok sends it 30 days ahead, then daily. Records the
 * expiry, keeps one open warning alert, and emails the owners once per shop and expiry day.
 */
export async function applyAuthorizationExpiring(tx: Tx, shop: ShopRow, expirationTime: number): Promise<void> {
  const expiresAt = new Date(expirationTime * 1000);
  await tx
    .update(tables.tiktokShops)
    .set({ authorizationExpiresAt: expiresAt, updatedAt: new Date() })
    .where(eq(tables.tiktokShops.id, shop.id));
  await raiseShopAlert(tx, {
    accountId: shop.accountId,
    shopRowId: shop.id,
    kind: 'shop_authorization_expiring',
    severity: 'warning',
    title: `${shop.name}: TikTok authorization expires on ${expiresAt.toISOString().slice(0, 10)}`,
    body: 'Reconnect the shop in Settings → Shops before then, or orders stop syncing.',
  });
  await enqueueShopAuthorizationExpiringEmail(tx, { accountId: shop.accountId, shopId: shop.id });
}
