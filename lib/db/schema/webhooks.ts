import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export type WebhookProvider = 'tiktok' | 'shippo' | 'easypost' | 'stripe';
export type WebhookEventStatus = 'pending' | 'processed' | 'failed' | 'ignored';

export const webhookEvents = pgTable('webhook_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  accountId: uuid('account_id'),
  provider: text('provider').$type<WebhookProvider>().notNull(),
  providerEventId: text('provider_event_id').notNull(),
  eventType: text('event_type').notNull(),
  externalRef: text('external_ref'),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  status: text('status').$type<WebhookEventStatus>().notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  error: text('error'),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  processedAt: timestamp('processed_at', { withTimezone: true }),
  processingMs: integer('processing_ms'),
});
