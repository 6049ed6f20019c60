import { boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';

// Mirrors supabase/migrations/20261123004000_billing_notifications.sql.

const accountId = () =>
  uuid('account_id')
    .notNull()
    .references(() => accounts.id, { onDelete: 'cascade' });

export type BillingSubscriptionStatus =
  | 'none'
  | 'incomplete'
  | 'incomplete_expired'
  | 'trialing'
  | 'active'
  | 'past_due'
  | 'canceled'
  | 'unpaid'
  | 'paused';

/** The account's Stripe customer and the last subscription state read from Stripe. */
export const accountBilling = pgTable('account_billing', {
  accountId: accountId().primaryKey(),
  stripeCustomerId: text('stripe_customer_id').notNull().unique(),
  stripeSubscriptionId: text('stripe_subscription_id'),
  status: text('status').$type<BillingSubscriptionStatus>().notNull().default('none'),
  planId: text('plan_id').$type<'starter' | 'growth' | 'pro'>(),
  priceId: text('price_id'),
  currentPeriodStart: timestamp('current_period_start', { withTimezone: true }),
  currentPeriodEnd: timestamp('current_period_end', { withTimezone: true }),
  cancelAtPeriodEnd: boolean('cancel_at_period_end').notNull().default(false),
  entitled: boolean('entitled').notNull().default(false),
  syncedAt: timestamp('synced_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type EmailOutboxStatus = 'queued' | 'sent' | 'failed' | 'suppressed';
export type EmailProvider = 'resend' | 'outbox';

export const emailOutbox = pgTable('email_outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  accountId: accountId(),
  template: text('template').notNull(),
  category: text('category').notNull(),
  toAddresses: text('to_addresses').array().notNull(),
  subject: text('subject').notNull(),
  html: text('html'),
  text: text('text'),
  idempotencyKey: text('idempotency_key').notNull().unique(),
  status: text('status').$type<EmailOutboxStatus>().notNull().default('queued'),
  provider: text('provider').$type<EmailProvider>(),
  providerMessageId: text('provider_message_id'),
  error: text('error'),
  attempts: integer('attempts').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
});

export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    accountId: accountId(),
    category: text('category').notNull(),
    enabled: boolean('enabled').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.accountId, table.category] })],
);
