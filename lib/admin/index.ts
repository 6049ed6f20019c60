// Platform administration (ops staff only; pages are gated by app/admin/layout.tsx, APIs by
// requireOpsSession). Everything here reads across tenants, hence the `unsafe` names.
export { requireOpsSession } from './require-ops';
export { unsafeListTenants, type TenantRow } from './list-tenants';
export { getQueueHealth, type QueueHealth } from './get-queue-health';
export { unsafeListFailedJobs, jobErrorText, type FailedJob } from './list-failed-jobs';
export { unsafeRetryJob, type RetryOutcome } from './retry-job';
export {
  unsafeListWebhookEvents,
  unsafeGetWebhookStats,
  WEBHOOK_PAGE_SIZE,
  type WebhookLogEntry,
  type WebhookProviderStats,
} from './list-webhook-events';
export { unsafeListAuditLog, AUDIT_PAGE_SIZE, type AuditEntry } from './list-audit-log';
export { unsafeDescribeCircuits, type CircuitRow } from './list-circuit-states';
export * from './schemas';
export { recordOpsAction, jobAccountId } from './record-ops-action';
export { unsafeLoadQueueState } from './load-queue-state';
