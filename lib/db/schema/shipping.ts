import { customType, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orders } from './orders';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export type ShipmentStatus =
  | 'pending'
  | 'quoted'
  | 'purchasing'
  | 'unknown_outcome'
  | 'purchased'
  | 'failed'
  | 'void_pending'
  | 'voided';

export const shipments = pgTable('shipments', {
  id: uuid('id').primaryKey().defaultRandom(),
  accountId: uuid('account_id').notNull(),
  orderId: uuid('order_id')
    .notNull()
    .references(() => orders.id, { onDelete: 'cascade' }),
  packageRef: text('package_ref').notNull().unique(),
  carrier: text('carrier').$type<'shippo' | 'easypost'>().notNull(),
  status: text('status').$type<ShipmentStatus>().notNull().default('pending'),
  serviceLevel: text('service_level').notNull().default('standard'),
  carrierShipmentId: text('carrier_shipment_id'),
  rateId: text('rate_id'),
  rateAmountCents: integer('rate_amount_cents'),
  currency: text('currency'),
  provider: text('provider'),
  servicelevelToken: text('servicelevel_token'),
  servicelevelName: text('servicelevel_name'),
  estimatedDays: integer('estimated_days'),
  quotedAt: timestamp('quoted_at', { withTimezone: true }),
  transactionId: text('transaction_id'),
  trackingNumber: text('tracking_number'),
  trackingUrl: text('tracking_url'),
  labelUrl: text('label_url'),
  trackingStatus: text('tracking_status').notNull().default('unknown'),
  trackingStatusRank: integer('tracking_status_rank').notNull().default(0),
  lastTrackingAt: timestamp('last_tracking_at', { withTimezone: true }),
  purchasedAt: timestamp('purchased_at', { withTimezone: true }),
  voidedAt: timestamp('voided_at', { withTimezone: true }),
  lastError: text('last_error'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const labelPurchaseAttempts = pgTable('label_purchase_attempts', {
  id: uuid('id').primaryKey().defaultRandom(),
  accountId: uuid('account_id').notNull(),
  shipmentId: uuid('shipment_id')
    .notNull()
    .references(() => shipments.id, { onDelete: 'cascade' }),
  rateId: text('rate_id').notNull(),
  state: text('state').$type<'purchasing' | 'purchased' | 'failed' | 'unknown_outcome'>().notNull(),
  outcome: jsonb('outcome').$type<Record<string, unknown>>(),
  error: text('error'),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

export const labelDocuments = pgTable('label_documents', {
  shipmentId: uuid('shipment_id')
    .primaryKey()
    .references(() => shipments.id, { onDelete: 'cascade' }),
  accountId: uuid('account_id').notNull(),
  contentType: text('content_type').notNull(),
  bytes: bytea('bytes').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const trackingEvents = pgTable('tracking_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  accountId: uuid('account_id').notNull(),
  shipmentId: uuid('shipment_id')
    .notNull()
    .references(() => shipments.id, { onDelete: 'cascade' }),
  carrier: text('carrier').notNull(),
  trackingNumber: text('tracking_number').notNull(),
  status: text('status').notNull(),
  carrierStatus: text('carrier_status'),
  substatus: text('substatus'),
  description: text('description'),
  location: jsonb('location').$type<Record<string, unknown>>(),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  dedupeKey: text('dedupe_key').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
