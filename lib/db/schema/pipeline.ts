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

/**
 * Orders stored per account per UTC hour (migration 20261124000200), kept by a trigger on
 * public.orders; plan usage sums it (lib/billing/plan-usage.ts). Read-only to the app.
 */
export const orderCountsHourly = pgTable(
  'order_counts_hourly',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    hour: timestamp('hour', { withTimezone: true }).notNull(),
    /** 0–7: concurrent inserting transactions of one account spread over shards of the hour. */
    shard: smallint('shard').notNull(),
    orders: integer('orders').notNull(),
  },
  (table) => [primaryKey({ columns: [table.accountId, table.hour, table.shard] })],
);
