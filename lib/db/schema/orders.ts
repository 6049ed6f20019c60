import { bigint, boolean, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import type { TikTokOrderStatus } from '@/lib/tiktok/constants';
import { skus, tiktokShops } from './shops';

/** TikTok's `order.status` values: the protocol's list (lib/tiktok/constants.ts). */
export type { TikTokOrderStatus };

export const WORKFLOW_STATUSES = [
  'new',
  'validated',
  'inventory_reserved',
  'ready_to_ship',
  'shipped',
  'completed',
  'failed',
  'cancelled',
] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];

export type Priority = 'VIRAL' | 'HIGH' | 'MED' | 'AUTO';
export type ProcessingQueue = 'express' | 'standard' | 'bulk';
export type ServiceLevel = 'economy' | 'standard' | 'express' | 'overnight';
export type StatusSource = 'system' | 'user' | 'tiktok_shop' | 'carrier';

export type Recipient = {
  name: string;
  phone?: string | null;
  addressLine1: string;
  addressLine2?: string | null;
  city: string;
  state: string;
  postalCode: string;
  country: string;
  fullAddress?: string | null;
};

export const orders = pgTable('orders', {
  id: uuid('id').primaryKey().defaultRandom(),
  accountId: uuid('account_id')
    .notNull()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  shopId: uuid('shop_id')
    .notNull()
    .references(() => tiktokShops.id, { onDelete: 'cascade' }),
  tiktokOrderId: text('tiktok_order_id').notNull(),
  orderStatus: text('order_status').$type<TikTokOrderStatus>().notNull(),
  workflowStatus: text('workflow_status').$type<WorkflowStatus>().notNull().default('new'),
  priority: text('priority').$type<Priority>().notNull().default('AUTO'),
  impactScore: numeric('impact_score', { precision: 6, scale: 2, mode: 'number' }).notNull().default(0),
  estimatedVelocity: numeric('estimated_velocity', { precision: 10, scale: 2, mode: 'number' }).notNull().default(0),
  processingQueue: text('processing_queue').$type<ProcessingQueue>().notNull().default('standard'),
  viralContentId: text('viral_content_id'),
  backordered: boolean('backordered').notNull().default(false),
  onHoldForReview: boolean('on_hold_for_review').notNull().default(false),
  holdReason: text('hold_reason'),
  skipAutoLabel: boolean('skip_auto_label').notNull().default(false),
  serviceLevel: text('service_level').$type<ServiceLevel>().notNull().default('standard'),
  tags: text('tags').array().notNull().default([]),
  currency: text('currency').notNull().default('USD'),
  subtotalCents: integer('subtotal_cents').notNull().default(0),
  shippingFeeCents: integer('shipping_fee_cents').notNull().default(0),
  taxCents: integer('tax_cents').notNull().default(0),
  totalCents: integer('total_cents').notNull().default(0),
  buyerEmail: text('buyer_email'),
  buyerMessage: text('buyer_message'),
  recipient: jsonb('recipient').$type<Recipient>(),
  packageId: text('package_id'),
  deliveryOptionId: text('delivery_option_id'),
  warehouseId: text('warehouse_id'),
  tiktokCreatedAt: timestamp('tiktok_created_at', { withTimezone: true }),
  tiktokUpdateTime: bigint('tiktok_update_time', { mode: 'number' }).notNull().default(0),
  paidAt: timestamp('paid_at', { withTimezone: true }),
  dispatchDeadline: timestamp('dispatch_deadline', { withTimezone: true }),
  trackingNumber: text('tracking_number'),
  shippingProvider: text('shipping_provider'),
  trackingPushedAt: timestamp('tracking_pushed_at', { withTimezone: true }),
  cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  shippedAt: timestamp('shipped_at', { withTimezone: true }),
  deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  completedAt: timestamp('completed_at', { withTimezone: true }),
  lastError: text('last_error'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const orderItems = pgTable('order_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  accountId: uuid('account_id').notNull(),
  orderId: uuid('order_id')
    .notNull()
    .references(() => orders.id, { onDelete: 'cascade' }),
  skuId: uuid('sku_id').references(() => skus.id, { onDelete: 'set null' }),
  tiktokSkuId: text('tiktok_sku_id').notNull(),
  tiktokProductId: text('tiktok_product_id').notNull(),
  sellerSku: text('seller_sku'),
  productName: text('product_name').notNull(),
  skuName: text('sku_name'),
  quantity: integer('quantity').notNull(),
  unitPriceCents: integer('unit_price_cents').notNull().default(0),
  lineItemIds: text('line_item_ids').array().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const orderStatusHistory = pgTable('order_status_history', {
  id: uuid('id').primaryKey().defaultRandom(),
  accountId: uuid('account_id').notNull(),
  orderId: uuid('order_id')
    .notNull()
    .references(() => orders.id, { onDelete: 'cascade' }),
  fromWorkflowStatus: text('from_workflow_status').$type<WorkflowStatus>(),
  toWorkflowStatus: text('to_workflow_status').$type<WorkflowStatus>(),
  fromOrderStatus: text('from_order_status').$type<TikTokOrderStatus>(),
  toOrderStatus: text('to_order_status').$type<TikTokOrderStatus>(),
  source: text('source').$type<StatusSource>().notNull(),
  actorId: uuid('actor_id'),
  reason: text('reason'),
  metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const automationRules = pgTable('automation_rules', {
  id: uuid('id').primaryKey().defaultRandom(),
  accountId: uuid('account_id').notNull(),
  name: text('name').notNull(),
  position: integer('position').notNull().default(0),
  enabled: boolean('enabled').notNull().default(true),
  conditions: jsonb('conditions').$type<unknown[]>().notNull().default([]),
  actions: jsonb('actions').$type<unknown[]>().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
