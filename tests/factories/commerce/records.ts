// Alerts, stored webhook events and audit entries.
import { tables } from '@/lib/db';
import { run, token, type Insert, type Options } from './support';


export function createAlert(
  accountId: string,
  overrides: Insert<typeof tables.alerts> = {},
  options?: Options,
): Promise<typeof tables.alerts.$inferSelect> {
  return run(options, async (tx) => {
    const [row] = await tx
      .insert(tables.alerts)
      .values({
        accountId,
        kind: 'low_stock',
        severity: 'warning',
        title: 'Stock is running low',
        dedupeKey: token(),
        ...overrides,
      })
      .returning();
    return row!;
  });
}

/** A stored inbound webhook; accountId null models an event no tenant could be matched to. */
export function createWebhookEvent(
  accountId: string | null,
  overrides: Insert<typeof tables.webhookEvents> = {},
  options?: Options,
): Promise<typeof tables.webhookEvents.$inferSelect> {
  return run(options, async (tx) => {
    const [row] = await tx
      .insert(tables.webhookEvents)
      .values({
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
      })
      .returning();
    return row!;
  });
}

export function createAuditEntry(
  accountId: string,
  overrides: Insert<typeof tables.auditLog> = {},
  options?: Options,
): Promise<typeof tables.auditLog.$inferSelect> {
  return run(options, async (tx) => {
    const [row] = await tx
      .insert(tables.auditLog)
      .values({
        accountId,
        actorType: 'system',
        action: 'order.status_changed',
        entityType: 'order',
        ...overrides,
      })
      .returning();
    return row!;
  });
}
