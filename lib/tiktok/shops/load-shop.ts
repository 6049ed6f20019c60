import 'server-only';
import { and, eq } from 'drizzle-orm';
import { systemDb, tables, type DbOrTx } from '@/lib/db';

export type ShopRow = typeof tables.tiktokShops.$inferSelect;

/** A shop of an account on the system path (jobs); null when it is not that account's. */
export async function loadShop(accountId: string, shopRowId: string, tx: DbOrTx = systemDb()): Promise<ShopRow | null> {
  const [shop] = await tx
      .select()
      .from(tables.tiktokShops)
      .where(and(eq(tables.tiktokShops.id, shopRowId), eq(tables.tiktokShops.accountId, accountId)));
  return shop ?? null;
}
