import 'server-only';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { tables, withRls, type JwtClaims } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { enqueue } from '@/lib/queue';

/**
 * A full resync of one shop on demand: the whole catalog, then every order TikTok has for it (not just
 * the reconciliation window). Idempotent: ingestion changes only what is newer. Queued, not waited for.
 */
export async function requestShopResync(
  context: { accountId: string; claims: JwtClaims },
  shopRowId: string,
): Promise<{ id: string; name: string }> {
  if (!z.uuid().safeParse(shopRowId).success) throw new AppError('NOT_FOUND', 'Shop not found');
  const s = tables.tiktokShops;
  const [shop] = await withRls(context.claims, (tx) =>
    tx
      .select({ id: s.id, name: s.name, status: s.status })
      .from(s)
      .where(and(eq(s.id, shopRowId), eq(s.accountId, context.accountId))),
  );
  if (!shop) throw new AppError('NOT_FOUND', 'Shop not found');
  if (shop.status !== 'connected') throw new AppError('CONFLICT', `${shop.name} is ${shop.status}; connect it again before resyncing`);
  // Not inside withRls: that transaction runs as `authenticated`, which may not write the queue's schema.
  await enqueue('tiktok.import-products', { accountId: context.accountId, shopId: shop.id, full: true, thenSyncOrders: 'full' });
  return { id: shop.id, name: shop.name };
}
