import 'server-only';
import { sql } from 'drizzle-orm';
import type { Tx } from '@/lib/db';

/**
 * Open alerts the workflow raises. Each has a dedupe key, unique among open alerts, so raising one
 * twice is a no-op; resolving it lets the next occurrence alert again.
 */
export async function raiseAlert(
  tx: Tx,
  alert: {
    accountId: string; kind: 'backorder' | 'pipeline_error'; severity: 'info' | 'warning' | 'critical';
    title: string; body: string; entityType: string; entityId: string; dedupeKey: string;
  },
): Promise<boolean> {
  const inserted = await tx.execute(sql`
    insert into public.alerts (account_id, kind, severity, title, body, entity_type, entity_id, dedupe_key)
    values (${alert.accountId}, ${alert.kind}, ${alert.severity}, ${alert.title.slice(0, 200)}, ${alert.body.slice(0, 1000)},
      ${alert.entityType}, ${alert.entityId}, ${alert.dedupeKey})
    on conflict (account_id, dedupe_key) where resolved_at is null do nothing`);
  return (inserted.rowCount ?? 0) > 0;
}

export async function resolveAlert(tx: Tx, input: { accountId: string; dedupeKey: string }): Promise<void> {
  await tx.execute(sql`
    update public.alerts set resolved_at = now()
    where account_id = ${input.accountId} and dedupe_key = ${input.dedupeKey} and resolved_at is null`);
}

export const backorderAlertKey = (skuId: string) => `backorder:${skuId}`;
export const orderErrorAlertKey = (orderId: string) => `pipeline_error:order:${orderId}`;
