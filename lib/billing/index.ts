/**
 * Billing: plans, Stripe Checkout and portal, webhook verification, the subscription projection
 * re-read from Stripe, and plan limits. The only surface other modules import. Server-only as a
 * whole (it holds the Stripe client); a client component that needs plan data imports './plans',
 * which is plain data.
 *
 * Webhook flow (app/api/webhooks/stripe → receiveStripeWebhook → billing.sync-subscription job):
 *   parseStripeEvent (verify, 400 on StripeSignatureError) → isRelevantEvent? else 200
 *   → store in webhook_events (dedupe on event.id) + enqueue, one transaction
 *   → job: processStripeEventsForCustomer → applyStripeEvent({ event, stripe, store, plans }).
 *
 * Plan limits: the pipeline calls getLabelAllowance(tx, accountId) before an automatic label.
 */
export {
  PLAN_IDS,
  PAID_PLAN_IDS,
  PLAN_DEFINITION_LIST,
  ZPlanPriceIds,
  buildPlanCatalog,
  getPlan,
  isPlanId,
  planForPriceId,
  type Plan,
  type PlanCatalog,
  type PlanFeatures,
  type PlanId,
  type PaidPlanId,
  type PlanPriceIds,
} from './plans';
export { createStripeClient, STRIPE_API_VERSION, type StripeClientOptions } from './stripe-client';
export { resolvePlanPriceIds } from './resolve-plan-prices';
export { createCustomer } from './create-customer';
export { createCheckoutSession, createPortalSession, type CheckoutSessionLink } from './checkout';
export {
  parseStripeEvent,
  isRelevantEvent,
  RELEVANT_EVENTS,
  DEFAULT_WEBHOOK_TOLERANCE_SEC,
  type ParseStripeEventInput,
} from './webhook';
export { readEventSubject, type StripeEventSubject } from './read-event-subject';
export {
  fetchSubscriptionState,
  ENTITLED_STATUSES,
  type SubscriptionState,
  type SubscriptionStatus,
} from './sync-subscription';
export { applyStripeEvent, type ApplyStripeEventResult } from './apply-stripe-event';
export { createMemoryBillingStore, type BillingStore } from './store';
export { evaluateAllowance, NEAR_LIMIT_RATIO, type AllowanceEvaluation } from './usage';
export { resolveAccountPlan, resolveUsagePeriod, type UsagePeriod } from './resolve-account-plan';
export { listInvoices, type InvoiceRow } from './invoices';
export { StripeSignatureError, StripeEventPayloadError, PlanNotPurchasableError } from './errors';
export { getBillingConfig, type BillingConfig } from './config';
export {
  createPostgresBillingStore,
  readStoredSubscription,
  BillingCustomerConflictError,
} from './postgres-store';
export { readRawBody, STRIPE_WEBHOOK_MAX_BYTES } from './read-raw-body';
export { receiveStripeWebhook, type ReceiveStripeWebhookResult } from './receive-stripe-webhook';
export { processStripeEventsForCustomer, type ProcessStripeEventsResult } from './process-stripe-events';
export { readPlanUsage, type PlanUsage, type PlanUsageOptions, type AllowanceReason } from './plan-usage';
export { getLabelAllowance, type LabelAllowance } from './label-allowance';
export { raisePlanLimitReached, resolvePlanLimitAlerts } from './plan-limit';
export { resolvePurchasablePlans } from './purchasable-plans';
export { startCheckout, openBillingPortal, ZStartCheckoutInput } from './start-checkout';
export { getBillingOverview, type BillingOverview } from './get-billing-overview';
