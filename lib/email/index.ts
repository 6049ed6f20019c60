/**
 * Email: React Email templates (emails/), their props schemas, rendering, delivery through Resend
 * or the outbox table, notification preferences, and the helpers other domains call to enqueue
 * an email inside their own transaction. The only surface other modules import.
 *
 * Emails are sent only by the `email.send-email` job (send-queued-email.ts). Recipients:
 * - order emails go to the order's buyer_email (TikTok Shop's anonymised relay address);
 * - account emails go to the account's owners (auth.users), invitations to the invitee.
 */
export { renderEmail, EmailPropsError, type RenderedEmail } from './render-email';
export { emailTemplates, getEmailTemplate, type EmailTemplate } from './templates';
export * from './schemas';
export {
  CATEGORY_DEFINITIONS,
  CONFIGURABLE_CATEGORIES,
  TEMPLATE_CATEGORY,
  isConfigurableCategory,
  type CategoryDefinition,
  type ConfigurableCategory,
  type EmailCategory,
} from './categories';
export {
  createResendTransport,
  EmailSendError,
  isRetryableResendError,
  RESEND_DEFAULT_BASE_URL,
  type EmailTransport,
  type ResendTransportConfig,
  type SentEmail,
} from './resend-transport';
export { getEmailConfig, type EmailConfig } from './config';
export {
  sendQueuedEmail,
  sendQueuedEmails,
  type SendQueuedEmailResult,
  type QueuedEmailOutcome,
  type EmailDelivery,
} from './send-queued-email';
export {
  listNotificationPreferences,
  areEmailCategoriesEnabled,
  updateNotificationPreferences,
  ZNotificationPreferencesInput,
  type NotificationPreference,
  type NotificationPreferencesInput,
} from './preferences';
export { listAccountOwnerEmails } from './recipients';
export {
  enqueueEmail,
  enqueueEmails,
  enqueueAccountEmail,
  appLink,
  type EnqueueEmailResult,
  type EmailToEnqueue,
  type AccountEmailProps,
} from './enqueue-email';
export {
  enqueueOrderShippedEmail,
  enqueueOrderEmails,
  type OrderEmailRequest,
  type ShipmentDetails,
} from './enqueue-order-emails';
export {
  enqueueCreatorWelcomeEmail,
  enqueuePlanLimitReachedEmail,
  enqueueTeamInvitationEmail,
  enqueuePayoutProcessedEmail,
  enqueueWeeklyPerformanceReportEmail,
} from './enqueue-account-emails';
export {
  enqueuePipelineErrorEmail,
  enqueueLowStockAlertEmail,
  enqueueShopAuthorizationExpiringEmail,
} from './enqueue-alert-emails';
export {
  listAccountEmails,
  getAccountEmailOrThrow,
  unsafeListOutbox,
  unsafeGetOutboxEmail,
  type OutboxSummary,
  type OutboxEmail,
} from './queries';
export { carrierTrackingUrl } from './tracking-url';
