// Alerts, stored webhook events and audit entries.
import { tables } from '@/lib/db';
import { insertRow, token, type Insert, type Options } from './support';

export function createAlert(
  accountId: string,
  overrides: Insert<typeof tables.alerts> = {},
  options?: Options,
): Promise<typeof tables.alerts.$inferSelect> {
  return insertRow(tables.alerts, {
    accountId,
    kind: 'low_stock',
    severity: 'warning',
    title: 'Stock is running low',
    dedupeKey: token(),
    ...overrides,
  }, options);
}

/** A stored inbound webhook; accountId null models an event no tenant could be matched to. */
export function createWebhookEvent(
  accountId: string | null,
  overrides: Insert<typeof tables.webhookEvents> = {},
  options?: Options,
): Promise<typeof tables.webhookEvents.$inferSelect> {
  return insertRow(tables.webhookEvents, {
    accountId,
    provider: 'tiktok',
    providerEventId: `evt_${token()}`,
    eventType: 'ORDER_STATUS_CHANGE',
    payload: { type: 1, data: { order_id: token() } },
    status: 'processed',
    attempts: 1,
    processedAt: new Date(),
    processingMs: 12,
    ...overrides,
  }, options);
}

export function createAuditEntry(
  accountId: string,
  overrides: Insert<typeof tables.auditLog> = {},
  options?: Options,
): Promise<typeof tables.auditLog.$inferSelect> {
  return insertRow(tables.auditLog, {
    accountId,
    actorType: 'system',
    action: 'order.status_changed',
    entityType: 'order',
    ...overrides,
  }, options);
}
