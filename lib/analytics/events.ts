import 'server-only';
import { PostHog } from 'posthog-node';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import {
  apiPerformanceSchema,
  businessMetricsSchema,
  contentPerformanceSchema,
  creatorFlowErrorSchema,
  creatorSignupSchema,
  orderGeneratedSchema,
  payoutProcessedSchema,
  planLimitReachedSchema,
  POSTHOG_DEFAULT_HOST,
  subscriptionChangedSchema,
  type APIPerformanceData,
  type BusinessMetricsData,
  type ContentPerformanceData,
  type CreatorSignupData,
  type ErrorData,
  type OrderData,
  type PayoutData,
  type PlanLimitReachedData,
  type SubscriptionChangedData,
} from './schemas';

/** Server-side product analytics. Every method validates its data and throws on bad input. */
export interface ServerAnalytics {
  /** False for the no-op implementation (no PostHog key configured). */
  readonly enabled: boolean;
  trackCreatorSignup(data: CreatorSignupData): void;
  trackContentPerformance(data: ContentPerformanceData): void;
  trackOrderGenerated(data: OrderData): void;
  trackPayoutProcessed(data: PayoutData): void;
  trackAPIPerformance(data: APIPerformanceData): void;
  trackCreatorFlowError(data: ErrorData): void;
  trackBusinessMetrics(data: BusinessMetricsData): void;
  trackSubscriptionChanged(data: SubscriptionChangedData): void;
  trackPlanLimitReached(data: PlanLimitReachedData): void;
  /** Sends what is queued now (e.g. at the end of a job batch). */
  flush(): Promise<void>;
  /** Flushes and stops timers; call once on SIGTERM. */
  shutdown(timeoutMs?: number): Promise<void>;
}

/** distinct_id for platform-wide events that belong to no tenant. */
export const SYSTEM_DISTINCT_ID = 'creatorflow-system';

const optionsSchema = z.object({
  // An empty key means "not configured", the same as no key.
  apiKey: z
    .string()
    .trim()
    .optional()
    .transform((key) => key || undefined),
  host: z.url({ protocol: /^https?$/ }).default(POSTHOG_DEFAULT_HOST),
  flushAt: z.number().int().positive().default(20),
  flushInterval: z.number().int().nonnegative().default(10_000),
});
export type ServerAnalyticsOptions = z.input<typeof optionsSchema> & {
  /** Capture failures never reach callers; they are reported here (default: a warning log). */
  onError?: (error: unknown) => void;
};

interface Subject {
  distinctId: string;
  accountId?: string;
  /** Only real users get a PostHog person profile; tenant and system events do not. */
  isPerson: boolean;
}

// Events are about a tenant (grouped under `account`) unless they are about a user (signup).
const aboutAccount = (data: { accountId?: string }): Subject =>
  data.accountId
    ? { distinctId: `account:${data.accountId}`, accountId: data.accountId, isPerson: false }
    : { distinctId: SYSTEM_DISTINCT_ID, isPerson: false };

/** The seed's event list: method name → PostHog event name, schema, and who it is about. */
export const serverAnalyticsEvents = {
  trackCreatorSignup: {
    event: 'creator_signed_up',
    schema: creatorSignupSchema,
    subject: (data: CreatorSignupData): Subject => ({
      distinctId: data.userId,
      accountId: data.accountId,
      isPerson: true,
    }),
  },
  trackContentPerformance: {
    event: 'content_performance_recorded',
    schema: contentPerformanceSchema,
    subject: aboutAccount,
  },
  trackOrderGenerated: { event: 'order_generated', schema: orderGeneratedSchema, subject: aboutAccount },
  trackPayoutProcessed: { event: 'payout_processed', schema: payoutProcessedSchema, subject: aboutAccount },
  trackAPIPerformance: { event: 'api_call_completed', schema: apiPerformanceSchema, subject: aboutAccount },
  trackCreatorFlowError: {
    event: 'creatorflow_error',
    schema: creatorFlowErrorSchema,
    subject: aboutAccount,
  },
  trackBusinessMetrics: {
    event: 'business_metrics_reported',
    schema: businessMetricsSchema,
    subject: aboutAccount,
  },
  trackSubscriptionChanged: {
    event: 'subscription_changed',
    schema: subscriptionChangedSchema,
    subject: aboutAccount,
  },
  trackPlanLimitReached: {
    event: 'plan_limit_reached',
    schema: planLimitReachedSchema,
    subject: aboutAccount,
  },
} as const;

type TrackMethod = keyof typeof serverAnalyticsEvents;

interface CaptureSink {
  capture(message: {
    distinctId: string;
    event: string;
    properties: Record<string, unknown>;
    groups?: Record<string, string>;
  }): void;
  flush(): Promise<void>;
  shutdown(timeoutMs: number): Promise<void>;
}

const noopSink: CaptureSink = {
  capture: () => undefined,
  flush: async () => undefined,
  shutdown: async () => undefined,
};

function posthogSink(
  apiKey: string,
  options: z.output<typeof optionsSchema>,
  onError: (error: unknown) => void,
): CaptureSink {
  const client = new PostHog(apiKey, {
    host: options.host,
    flushAt: options.flushAt,
    flushInterval: options.flushInterval,
    disableGeoip: true,
  });
  client.on('error', onError);
  return {
    capture: (message) => client.capture({ ...message, disableGeoip: true }),
    flush: () => client.flush().catch(onError),
    shutdown: (timeoutMs) => client.shutdown(timeoutMs).catch(onError),
  };
}

/**
 * Builds the server analytics client. Without an API key it is a no-op that still validates
 * every event, so bad analytics calls fail in development and tests, not first in production.
 */
export function createServerAnalytics(options: ServerAnalyticsOptions = {}): ServerAnalytics {
  const config = optionsSchema.parse(options);
  const onError =
    options.onError ?? ((error: unknown) => logger.warn({ err: error }, 'PostHog capture failed'));
  const sink = config.apiKey ? posthogSink(config.apiKey, config, onError) : noopSink;

  function track(method: TrackMethod, input: unknown): void {
    const definition = serverAnalyticsEvents[method];
    const parsed = definition.schema.safeParse(input);
    if (!parsed.success) {
      throw new AppError(
        'VALIDATION',
        `Invalid ${definition.event} analytics event: ${z.prettifyError(parsed.error)}`,
      );
    }
    const subject = (definition.subject as (data: unknown) => Subject)(parsed.data);
    sink.capture({
      distinctId: subject.distinctId,
      event: definition.event,
      properties: { ...parsed.data, ...(subject.isPerson ? {} : { $process_person_profile: false }) },
      groups: subject.accountId ? { account: subject.accountId } : undefined,
    });
  }

  return {
    enabled: sink !== noopSink,
    trackCreatorSignup: (data) => track('trackCreatorSignup', data),
    trackContentPerformance: (data) => track('trackContentPerformance', data),
    trackOrderGenerated: (data) => track('trackOrderGenerated', data),
    trackPayoutProcessed: (data) => track('trackPayoutProcessed', data),
    trackAPIPerformance: (data) => track('trackAPIPerformance', data),
    trackCreatorFlowError: (data) => track('trackCreatorFlowError', data),
    trackBusinessMetrics: (data) => track('trackBusinessMetrics', data),
    trackSubscriptionChanged: (data) => track('trackSubscriptionChanged', data),
    trackPlanLimitReached: (data) => track('trackPlanLimitReached', data),
    flush: () => sink.flush(),
    shutdown: (timeoutMs = 10_000) => sink.shutdown(timeoutMs),
  };
}
