import { randomUUID } from 'node:crypto';
import type { PgTable } from 'drizzle-orm/pg-core';
import { asSystem, tables, type Tx } from '@/lib/db';

// Shared by the commerce factories: they write through the system path, as ingestion and the
// pipeline do; every factory takes overrides for any column and returns the inserted row; pass
// `tx` to write inside a transaction you already hold.
export type Insert<T extends { $inferInsert: unknown }> = Partial<T['$inferInsert']>;
export type Options = { tx?: Tx };

export const run = <T>(options: Options | undefined, fn: (tx: Tx) => Promise<T>): Promise<T> =>
  options?.tx ? fn(options.tx) : asSystem(fn);
/** Inserts one row (inside `options.tx` when given) and returns it as stored. */
export const insertRow = <T extends PgTable>(table: T, values: T['$inferInsert'], options?: Options): Promise<T['$inferSelect']> =>
  run(options, async (tx) => {
    const [row] = await tx.insert(table).values(values as never).returning();
    return row as T['$inferSelect'];
  });
export const token = () => randomUUID().replace(/-/g, '').slice(0, 12);

export type ShopRow = typeof tables.tiktokShops.$inferSelect;
export type ProductRow = typeof tables.products.$inferSelect;
export type SkuRow = typeof tables.skus.$inferSelect;
export type OrderRow = typeof tables.orders.$inferSelect;
export type OrderItemRow = typeof tables.orderItems.$inferSelect;
export type ShipmentRow = typeof tables.shipments.$inferSelect;
