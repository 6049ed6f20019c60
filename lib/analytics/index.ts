// Server-side analytics surface. Browser code imports `@/lib/analytics/client` instead
// (a 'use client' module with the provider and useTrack), which must not pull in posthog-node.
export {
  createServerAnalytics,
  serverAnalyticsEvents,
  SYSTEM_DISTINCT_ID,
  type ServerAnalytics,
  type ServerAnalyticsOptions,
} from './events';
export {
  getServerAnalytics,
  trackCreatorSignup,
  trackJobError,
  trackOrderGenerated,
  trackSafely,
} from './server';
export { POSTHOG_DEFAULT_HOST } from './schemas';
export type {
  APIPerformanceData,
  BusinessMetricsData,
  ContentPerformanceData,
  CreatorSignupData,
  ErrorData,
  OrderData,
  PayoutData,
  PlanLimitReachedData,
  SubscriptionChangedData,
} from './schemas';
export { uiEventSchemas, type UiEventName, type UiEventProps } from './ui-events';
