import { z } from 'zod';

/** PostHog Cloud US ingestion; shared by the server client and the browser provider. */
export const POSTHOG_DEFAULT_HOST = 'https://us.i.posthog.com';

// Analytics carries ids, counts, amounts and closed labels only. Every event object is strict
// (an unexpected key such as `email` is an error, not silently forwarded), and ids must look like
// opaque identifiers, so an email address, a name or a street address cannot pass as one.

/** UUIDs, TikTok numeric ids, `po_7Hq2mX91`: no spaces, no `@`. */
export const analyticsIdSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_:.-]{0,127}$/,
    'must be an opaque id (letters, digits, _ : . -), not personal data',
  );

/** Lower-case machine names: `tiktok_shop`, `orders.search`, `shipping.buy-label`. */
const slug = z.string().regex(/^[a-z0-9][a-z0-9_./-]{0,99}$/, 'must be a lower-case machine name');
const count = z.number().int().nonnegative();
const cents = z.number().int();
const currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code');

export const creatorSignupSchema = z.strictObject({
  userId: analyticsIdSchema,
  accountId: analyticsIdSchema,
  authProvider: z.enum(['built_in', 'supabase']),
  /** True when the user joined through a team invitation rather than creating an account. */
  invited: z.boolean(),
});

export const contentPerformanceSchema = z.strictObject({
  accountId: analyticsIdSchema,
  videoId: analyticsIdSchema,
  shopId: analyticsIdSchema.optional(),
  views: count,
  likes: count,
  shares: count,
  comments: count,
  ordersAttributed: count,
  unitsSold: count,
  revenueCents: cents,
  currency,
});

export const orderGeneratedSchema = z.strictObject({
  accountId: analyticsIdSchema,
  orderId: analyticsIdSchema,
  shopId: analyticsIdSchema,
  /** The video the order is attributed to, when TikTok reports one. */
  videoId: analyticsIdSchema.optional(),
  itemCount: count,
  unitCount: count,
  orderValueCents: cents,
  currency,
  priority: z.enum(['VIRAL', 'HIGH', 'MED', 'AUTO']),
  source: z.enum(['webhook', 'poll', 'manual']),
});

export const payoutProcessedSchema = z.strictObject({
  accountId: analyticsIdSchema,
  payoutId: analyticsIdSchema,
  amountCents: cents,
  feesCents: cents,
  currency,
  orderCount: count,
  periodDays: z.number().int().positive(),
});

export const apiPerformanceSchema = z.strictObject({
  /** Absent for platform calls made on no tenant's behalf. */
  accountId: analyticsIdSchema.optional(),
  service: slug,
  operation: slug,
  durationMs: z.number().nonnegative(),
  /** HTTP status, absent when no response arrived. */
  statusCode: z.number().int().min(100).max(599).optional(),
  success: z.boolean(),
  attempt: z.number().int().positive(),
});

export const creatorFlowErrorSchema = z.strictObject({
  accountId: analyticsIdSchema.optional(),
  /** An error code (`UPSTREAM`, `validation_error`), never the message: messages can hold personal data. */
  errorCode: z.string().regex(/^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/, 'must be an error code, not a message'),
  /** Where it happened: `job`, `api`, `webhook`, `ui`. */
  source: z.enum(['job', 'api', 'webhook', 'ui', 'cron']),
  /** `shipping.buy-label`, `/api/orders`. */
  location: slug.optional(),
  orderId: analyticsIdSchema.optional(),
  retryable: z.boolean(),
  attempt: z.number().int().positive().optional(),
});

export const businessMetricsSchema = z.strictObject({
  /** Absent for platform-wide figures. */
  accountId: analyticsIdSchema.optional(),
  period: z.enum(['hour', 'day', 'week', 'month']),
  periodStart: z.iso.datetime({ offset: true }),
  ordersReceived: count,
  ordersShipped: count,
  revenueCents: cents,
  labelsPurchased: count,
  labelSpendCents: cents,
  currency,
  averageFulfillmentMinutes: z.number().nonnegative().optional(),
  activeShops: count.optional(),
  queueDepth: count.optional(),
});

const planId = z.enum(['local', 'starter', 'growth', 'pro', 'none']);

/** A billing business metric: the plan an account pays for changed (from a Stripe re-read). */
export const subscriptionChangedSchema = z.strictObject({
  accountId: analyticsIdSchema,
  fromPlan: planId,
  toPlan: planId,
  /** Stripe's subscription status after the change (`active`, `past_due`, `canceled`, `none`…). */
  status: slug,
  cancelAtPeriodEnd: z.boolean(),
});

/** A billing business metric: an account went past its plan's order allowance for a period. */
export const planLimitReachedSchema = z.strictObject({
  accountId: analyticsIdSchema,
  planId,
  allowance: count,
  used: count,
  periodStart: z.iso.datetime({ offset: true }),
});

export type CreatorSignupData = z.infer<typeof creatorSignupSchema>;
export type ContentPerformanceData = z.infer<typeof contentPerformanceSchema>;
export type OrderData = z.infer<typeof orderGeneratedSchema>;
export type PayoutData = z.infer<typeof payoutProcessedSchema>;
export type APIPerformanceData = z.infer<typeof apiPerformanceSchema>;
export type ErrorData = z.infer<typeof creatorFlowErrorSchema>;
export type BusinessMetricsData = z.infer<typeof businessMetricsSchema>;
export type SubscriptionChangedData = z.infer<typeof subscriptionChangedSchema>;
export type PlanLimitReachedData = z.infer<typeof planLimitReachedSchema>;
