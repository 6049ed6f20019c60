import 'server-only';
import { and, eq } from 'drizzle-orm';
import { asSystem, tables, type Tx } from '@/lib/db';

export type ShopRow = typeof tables.tiktokShops.$inferSelect;

/** A shop of an account on the system path (jobs); null when it is not that account's. */
export async function loadShop(accountId: string, shopRowId: string, tx?: Tx): Promise<ShopRow | null> {
  const read = (db: Tx) =>
    db
      .select()
      .from(tables.tiktokShops)
      .where(and(eq(tables.tiktokShops.id, shopRowId), eq(tables.tiktokShops.accountId, accountId)));
  const [shop] = tx ? await read(tx) : await asSystem(read);
  return shop ?? null;
}
