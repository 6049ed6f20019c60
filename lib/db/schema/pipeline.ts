import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';

// Fulfillment pipeline tables (migration 20261123003000). label_purchase_attempts.quote, added by
// the same migration, is read and written through SQL in lib/shipping (its table lives in shipping.ts).

/** Orders per product per minute, the input of VIRAL detection (lib/orders/priority). */
export const orderVelocityBuckets = pgTable(
  'order_velocity_buckets',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    tiktokProductId: text('tiktok_product_id').notNull(),
    bucketStart: timestamp('bucket_start', { withTimezone: true }).notNull(),
    orders: integer('orders').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.accountId, table.tiktokProductId, table.bucketStart] })],
);
