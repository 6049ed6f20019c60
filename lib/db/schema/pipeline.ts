import { integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';

// Fulfillment pipeline tables (migrations 20261123003000, 20261123006000). label_purchase_attempts.quote, added by
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
    /** 0–7: a minute is spread over shards so a viral product's writers do not queue on one row. */
    shard: smallint('shard').notNull().default(0),
    orders: integer('orders').notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.accountId, table.tiktokProductId, table.bucketStart, table.shard] })],
);
