import 'server-only';
import { sql } from 'drizzle-orm';
import { asSystem } from '@/lib/db';
import type { AuditLogQuery } from './schemas';

export type AuditEntry = {
  id: string;
  account_id: string;
  account_name: string;
  actor_type: string;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  data: Record<string, unknown>;
  created_at: string;
};

export const AUDIT_PAGE_SIZE = 50;

type Row = Omit<AuditEntry, 'created_at'> & { created_at: Date | string; total: number };

/** The audit log across tenants (ops only), newest first; filter by account and action prefix. */
export async function unsafeListAuditLog(
  query: AuditLogQuery,
): Promise<{ entries: AuditEntry[]; total: number }> {
  const conditions = [sql`true`];
  if (query.account_id) conditions.push(sql`l.account_id = ${query.account_id}`);
  if (query.action)
    conditions.push(sql`l.action like ${`${query.action.replace(/[\\%_]/g, (char) => `\\${char}`)}%`}`);
  const result = await asSystem((tx) =>
    tx.execute<Row>(sql`
      select l.id, l.account_id, a.name as account_name, l.actor_type, l.actor_id, u.email as actor_email, l.action,
        l.entity_type, l.entity_id, l.data, l.created_at, count(*) over ()::int as total
      from public.audit_log l
      join public.accounts a on a.id = l.account_id
      left join auth.users u on u.id = l.actor_id
      where ${sql.join(conditions, sql` and `)}
      order by l.created_at desc, l.id desc
      limit ${AUDIT_PAGE_SIZE} offset ${(query.page - 1) * AUDIT_PAGE_SIZE}`),
  );
  return {
    entries: result.rows.map(({ total: _total, ...row }) => ({
      ...row,
      created_at: new Date(row.created_at).toISOString(),
    })),
    total: result.rows[0]?.total ?? 0,
  };
}
