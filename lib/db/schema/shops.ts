import { bigint, integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};
const accountId = () =>
  uuid('account_id')
    .notNull()
    .references(() => accounts.id, { onDelete: 'cascade' });

export type ShopStatus = 'connected' | 'disconnected' | 'expired' | 'error';

export const tiktokShops = pgTable('tiktok_shops', {
  id: uuid('id').primaryKey().defaultRandom(),
  accountId: accountId(),
  shopId: text('shop_id').notNull().unique(),
  shopCipher: text('shop_cipher').notNull(),
  name: text('name').notNull(),
  region: text('region'),
  sellerType: text('seller_type'),
  status: text('status').$type<ShopStatus>().notNull().default('connected'),
  accessTokenEnc: text('access_token_enc'),
  refreshTokenEnc: text('refresh_token_enc'),
  accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
  refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
  authorizationExpiresAt: timestamp('authorization_expires_at', { withTimezone: true }),
  openId: text('open_id'),
  grantedScopes: text('granted_scopes').array().notNull().default([]),
  lastSyncedAt: timestamp('last_synced_at', { withTimezone: true }),
  lastWebhookAt: timestamp('last_webhook_at', { withTimezone: true }),
  lastError: text('last_error'),
  ...timestamps,
});

export const products = pgTable('products', {
  id: uuid('id').primaryKey().defaultRandom(),
  accountId: accountId(),
  shopId: uuid('shop_id')
    .notNull()
    .references(() => tiktokShops.id, { onDelete: 'cascade' }),
  tiktokProductId: text('tiktok_product_id').notNull(),
  title: text('title').notNull(),
  status: text('status').notNull().default('ACTIVATE'),
  imageUrl: text('image_url'),
  tiktokUpdateTime: bigint('tiktok_update_time', { mode: 'number' }).notNull().default(0),
  ...timestamps,
});

export const skus = pgTable('skus', {
  id: uuid('id').primaryKey().defaultRandom(),
  accountId: accountId(),
  shopId: uuid('shop_id')
    .notNull()
    .references(() => tiktokShops.id, { onDelete: 'cascade' }),
  productId: uuid('product_id')
    .notNull()
    .references(() => products.id, { onDelete: 'cascade' }),
  tiktokSkuId: text('tiktok_sku_id').notNull(),
  sellerSku: text('seller_sku'),
  name: text('name'),
  priceCents: integer('price_cents').notNull().default(0),
  currency: text('currency').notNull().default('USD'),
  weightGrams: integer('weight_grams').notNull().default(250),
  lengthCm: numeric('length_cm', { precision: 6, scale: 1, mode: 'number' }).notNull().default(20),
  widthCm: numeric('width_cm', { precision: 6, scale: 1, mode: 'number' }).notNull().default(15),
  heightCm: numeric('height_cm', { precision: 6, scale: 1, mode: 'number' }).notNull().default(5),
  warehouseIds: text('warehouse_ids').array().notNull().default([]),
  lowStockThreshold: integer('low_stock_threshold').notNull().default(10),
  ...timestamps,
});
