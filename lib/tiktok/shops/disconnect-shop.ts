import 'server-only';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { tables, withRls, type JwtClaims } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { unscheduleReconciliation } from '../sync/reconcile-schedule';
import { resolveShopAlerts } from './shop-alerts';

/**
 * Disconnects a shop of the account (owner/admin; the route checks `shops:manage`): tokens are wiped,
 * the catch-up poll stops, and later webhooks for it are stored but ignored. Orders and stock stay.
 * The seller removes the app in TikTok Seller Center to revoke it there too (the API has no revoke).
 */
export async function disconnectShop(
  context: { accountId: string; claims: JwtClaims },
  shopRowId: string,
): Promise<{ id: string; name: string }> {
  if (!z.uuid().safeParse(shopRowId).success) throw new AppError('NOT_FOUND', 'Shop not found');
  const s = tables.tiktokShops;
  const shop = await withRls(context.claims, async (tx) => {
    const [row] = await tx
      .update(s)
      .set({ status: 'disconnected', accessTokenEnc: null, refreshTokenEnc: null, lastError: null, updatedAt: new Date() })
      .where(and(eq(s.id, shopRowId), eq(s.accountId, context.accountId)))
      .returning({ id: s.id, name: s.name });
    if (!row) throw new AppError('NOT_FOUND', 'Shop not found');
    await resolveShopAlerts(tx, context.accountId, row.id, ['shop_authorization_expiring']);
    return row;
  });
  await unscheduleReconciliation(shop.id);
  return shop;
}
