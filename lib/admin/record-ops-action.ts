import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { asSystem } from '@/lib/db';
import { logger } from '@/lib/logger';

/**
 * Leaves a trace of an ops action (retry, replay): always a log line, and an audit_log row in the
 * tenant's log when the action concerns one tenant, so the tenant's history shows who touched it.
 */
export async function recordOpsAction(input: {
  accountId: unknown;
  actorId: string;
  action: string;
  entityType: string;
  entityId: string;
  data?: Record<string, unknown>;
}): Promise<void> {
  logger.info(
    { ops: input.action, actorId: input.actorId, entity: `${input.entityType}:${input.entityId}` },
    'ops action',
  );
  const accountId = z.uuid().safeParse(input.accountId);
  if (!accountId.success) return;
  await asSystem((tx) =>
    tx.execute(sql`
      insert into public.audit_log (account_id, actor_id, actor_type, action, entity_type, entity_id, data)
      select ${accountId.data}, ${input.actorId}, 'user', ${input.action}, ${input.entityType}, ${input.entityId},
        ${JSON.stringify({ ...input.data, by: 'platform_ops' })}::jsonb
      where exists (select 1 from public.accounts where id = ${accountId.data})`),
  );
}

/** The tenant a job belongs to, when its payload says (our jobs carry accountId). */
export function jobAccountId(data: unknown): unknown {
  if (!data || typeof data !== 'object') return undefined;
  const record = data as Record<string, unknown>;
  if ('accountId' in record) return record.accountId;
  const inner = record.data;
  return inner && typeof inner === 'object' ? (inner as Record<string, unknown>).accountId : undefined;
}
