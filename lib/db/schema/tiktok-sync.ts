import { bigint, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { skus, tiktokShops } from './shops';

// Mirrors supabase/migrations/20261123002000_tiktok_sync.sql and 20261123002100_tiktok_sync_claims.sql.

const accountId = () =>
  uuid('account_id')
    .notNull()
    .references(() => accounts.id, { onDelete: 'cascade' });
const shopId = () =>
  uuid('shop_id')
    .notNull()
    .references(() => tiktokShops.id, { onDelete: 'cascade' });

/** Orders a webhook said changed, waiting for the per-shop sync job (≤ 50 per detail call). */
export const tiktokOrderSyncRequests = pgTable(
  'tiktok_order_sync_requests',
  {
    shopId: shopId(),
    tiktokOrderId: text('tiktok_order_id').notNull(),
    accountId: accountId(),
    eventIds: uuid('event_ids').array().notNull().default([]),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set while a sync job fetches the order (20261123002100); expired claims are free again. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.shopId, table.tiktokOrderId] })],
);

/** One pending product sync per shop, from the oldest update_time a product webhook reported. */
export const tiktokProductSyncRequests = pgTable('tiktok_product_sync_requests', {
  shopId: shopId().primaryKey(),
  accountId: accountId(),
  updatedSince: bigint('updated_since', { mode: 'number' }).notNull(),
  eventIds: uuid('event_ids').array().notNull().default([]),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
});

/** What TikTok last accepted per SKU: `{ [warehouseId]: quantity }`. */
export const tiktokInventoryPushes = pgTable('tiktok_inventory_pushes', {
  skuId: uuid('sku_id')
    .primaryKey()
    .references(() => skus.id, { onDelete: 'cascade' }),
  accountId: accountId(),
  shopId: shopId(),
  quantities: jsonb('quantities').$type<Record<string, number>>().notNull().default({}),
  pushedAt: timestamp('pushed_at', { withTimezone: true }),
  lastError: text('last_error'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
