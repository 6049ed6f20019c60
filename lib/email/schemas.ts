import { z } from 'zod';

// Props of every email template. Jobs validate their payload with these before rendering, and
// the templates take their prop types from here, so the two cannot drift apart.
// Money is integer minor units plus an ISO 4217 code; dates are ISO strings (YYYY-MM-DD for a
// calendar day, full ISO 8601 with offset for an instant).

const text = (max = 200) => z.string().trim().min(1).max(max);
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const cents = z.number().int().nonnegative();
const count = z.number().int().nonnegative();
const currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD');
const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });

const preferences = { preferencesUrl: httpUrl };
// Buyers have no CreatorFlow account to manage preferences in; their emails may omit the link.
const buyerPreferences = { preferencesUrl: httpUrl.optional() };

export const creatorWelcomePropsSchema = z.object({
  firstName: text(80),
  accountName: text(),
  dashboardUrl: httpUrl,
  connectShopUrl: httpUrl,
  ...preferences,
});

export const orderItemSchema = z.object({
  name: text(),
  sku: text(64).optional(),
  quantity: z.number().int().positive(),
  unitPriceCents: cents.optional(),
});

export const orderShippedPropsSchema = z.object({
  shopName: text(),
  orderNumber: text(64),
  items: z.array(orderItemSchema).min(1).max(100),
  currency,
  subtotalCents: cents.optional(),
  shippingCents: cents.optional(),
  totalCents: cents.optional(),
  carrier: text(64),
  serviceLevel: text(64).optional(),
  trackingNumber: text(64),
  trackingUrl: httpUrl,
  estimatedDelivery: isoDate.optional(),
  shippedAt: isoDateTime,
  ...buyerPreferences,
});

export const orderDeliveredPropsSchema = z.object({
  shopName: text(),
  orderNumber: text(64),
  items: z.array(orderItemSchema).min(1).max(100),
  currency,
  carrier: text(64),
  trackingNumber: text(64),
  trackingUrl: httpUrl,
  deliveredAt: isoDateTime,
  shopUrl: httpUrl.optional(),
  ...buyerPreferences,
});

export const payoutProcessedPropsSchema = z.object({
  firstName: text(80),
  payoutId: text(64),
  currency,
  grossSalesCents: cents,
  feesCents: cents,
  amountCents: cents,
  periodStart: isoDate,
  periodEnd: isoDate,
  expectedArrival: isoDate,
  orderCount: count,
  /** The largest orders of the period; the email lists these and counts the rest. */
  orders: z.array(z.object({ orderNumber: text(64), amountCents: cents })).max(20),
  dashboardUrl: httpUrl,
  ...preferences,
});

const weekPair = z.object({ current: count, previous: count });

export const weeklyPerformanceReportPropsSchema = z.object({
  firstName: text(80),
  weekStart: isoDate,
  weekEnd: isoDate,
  currency,
  orders: weekPair,
  revenueCents: weekPair,
  labelSpendCents: weekPair,
  topProducts: z
    .array(z.object({ name: text(), sku: text(64), unitsSold: count, revenueCents: cents }))
    .max(10),
  topVideo: z
    .object({ title: text(300), url: httpUrl, views: count, orders: count, revenueCents: cents })
    .nullable(),
  dashboardUrl: httpUrl,
  ...preferences,
});

export const pipelineErrorPropsSchema = z.object({
  accountName: text(),
  /** What failed, in words: "Buying a shipping label". */
  failedStep: text(),
  jobName: text(100),
  orderNumber: text(64).optional(),
  errorCode: text(64),
  /** A sanitized, user-safe message; never a raw exception with secrets or stack traces. */
  errorMessage: text(1000),
  attempts: z.number().int().positive(),
  occurredAt: isoDateTime,
  failedJobUrl: httpUrl,
  orderUrl: httpUrl.optional(),
  ...preferences,
});

export const lowStockItemSchema = z.object({
  sku: text(64),
  productName: text(),
  available: z.number().int(),
  /** Null when the SKU has not sold in the last 7 days. */
  daysOfCover: z.number().nonnegative().nullable(),
  /** Units sold per day at the planning pace (the inventory page's velocity). */
  velocityPerDay: z.number().nonnegative(),
  suggestedReorder: count,
});

export const lowStockAlertPropsSchema = z.object({
  accountName: text(),
  items: z.array(lowStockItemSchema).min(1).max(50),
  inventoryUrl: httpUrl,
  ...preferences,
});

export const shopAuthorizationExpiringPropsSchema = z.object({
  accountName: text(),
  shopName: text(),
  shopRegion: text(8).optional(),
  expiresAt: isoDateTime,
  reconnectUrl: httpUrl,
  ...preferences,
});

export const memberRoleSchema = z.enum(['owner', 'admin', 'packer', 'viewer']);

export const teamInvitationPropsSchema = z.object({
  inviterName: text(120),
  accountName: text(),
  role: memberRoleSchema,
  inviteeEmail: z.email(),
  acceptUrl: httpUrl,
  expiresAt: isoDateTime,
});

export const planLimitReachedPropsSchema = z.object({
  accountName: text(),
  planName: text(64),
  limitName: z.enum(['orders', 'labels', 'shops', 'team members']),
  allowance: count,
  used: count,
  resetsOn: isoDate.optional(),
  /** What stops until the limit resets or the plan changes. */
  pausedFeatures: z.array(text()).min(1).max(10),
  upgradeUrl: httpUrl,
  ...preferences,
});

export const emailPropsSchemas = {
  'creator-welcome': creatorWelcomePropsSchema,
  'order-shipped': orderShippedPropsSchema,
  'order-delivered': orderDeliveredPropsSchema,
  'payout-processed': payoutProcessedPropsSchema,
  'weekly-performance-report': weeklyPerformanceReportPropsSchema,
  'pipeline-error': pipelineErrorPropsSchema,
  'low-stock-alert': lowStockAlertPropsSchema,
  'shop-authorization-expiring': shopAuthorizationExpiringPropsSchema,
  'team-invitation': teamInvitationPropsSchema,
  'plan-limit-reached': planLimitReachedPropsSchema,
} as const;

export type EmailTemplateName = keyof typeof emailPropsSchemas;
export const emailTemplateNames = Object.keys(emailPropsSchemas) as EmailTemplateName[];
export type EmailProps<N extends EmailTemplateName> = z.infer<(typeof emailPropsSchemas)[N]>;

export type CreatorWelcomeProps = EmailProps<'creator-welcome'>;
export type OrderShippedProps = EmailProps<'order-shipped'>;
export type OrderDeliveredProps = EmailProps<'order-delivered'>;
export type PayoutProcessedProps = EmailProps<'payout-processed'>;
export type WeeklyPerformanceReportProps = EmailProps<'weekly-performance-report'>;
export type PipelineErrorProps = EmailProps<'pipeline-error'>;
export type LowStockAlertProps = EmailProps<'low-stock-alert'>;
export type ShopAuthorizationExpiringProps = EmailProps<'shop-authorization-expiring'>;
export type TeamInvitationProps = EmailProps<'team-invitation'>;
export type PlanLimitReachedProps = EmailProps<'plan-limit-reached'>;

/**
 * A job payload naming a template and its props, checked as one value:
 * `{ template: 'order-shipped', props: {...} }`.
 */
const payloadFor = <N extends EmailTemplateName>(template: N) =>
  z.object({ template: z.literal(template), props: emailPropsSchemas[template] });

export const emailTemplatePayloadSchema = z.discriminatedUnion('template', [
  payloadFor('creator-welcome'),
  payloadFor('order-shipped'),
  payloadFor('order-delivered'),
  payloadFor('payout-processed'),
  payloadFor('weekly-performance-report'),
  payloadFor('pipeline-error'),
  payloadFor('low-stock-alert'),
  payloadFor('shop-authorization-expiring'),
  payloadFor('team-invitation'),
  payloadFor('plan-limit-reached'),
]);
export type EmailTemplatePayload = {
  [N in EmailTemplateName]: { template: N; props: EmailProps<N> };
}[EmailTemplateName];

// Resend tag names and values allow only ASCII letters, digits, underscores and dashes.
const tagPart = z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'only letters, digits, _ and - are allowed');

export const outgoingEmailSchema = z.object({
  to: z.union([z.email(), z.array(z.email()).min(1).max(50)]),
  subject: text(998),
  html: z.string().min(1),
  text: z.string().min(1),
  /** Same key → the provider sends at most once (Resend keeps keys for 24 hours). */
  idempotencyKey: z.string().min(1).max(256),
  tags: z.record(tagPart, tagPart).optional(),
  replyTo: z.email().optional(),
});
export type OutgoingEmail = z.infer<typeof outgoingEmailSchema>;

/**
 * The `email.send-email` job payload. `to` is decided by whoever enqueues (see enqueue-email.ts:
 * the order's buyer address for order emails, the account owners for account emails), so the
 * job sends exactly what was asked. `idempotencyKey` is globally unique per email, e.g.
 * `order-shipped:<order id>`: a second job with the same key sends nothing.
 */
export const queuedEmailSchema = z.object({
  accountId: z.uuid(),
  template: z.enum(Object.keys(emailPropsSchemas) as [EmailTemplateName, ...EmailTemplateName[]]),
  to: z.union([z.email(), z.array(z.email()).min(1).max(50)]),
  props: z.record(z.string(), z.unknown()),
  idempotencyKey: z.string().min(1).max(200),
});
export type QueuedEmail = z.infer<typeof queuedEmailSchema>;
