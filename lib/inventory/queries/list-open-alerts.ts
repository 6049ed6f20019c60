import 'server-only';
import { sql } from 'drizzle-orm';
import { withRls, type JwtClaims } from '@/lib/db';

export type AccountAlert = {
  id: string;
  kind: string;
  severity: 'info' | 'warning' | 'critical';
  title: string;
  body: string | null;
  entity_type: string | null;
  entity_id: string | null;
  created_at: string;
};

/** The account's open alerts (any kind), critical first, newest first; `total` counts past the limit. */
export async function listOpenAlerts(
  context: { accountId: string; claims: JwtClaims },
  limit = 50,
): Promise<{ alerts: AccountAlert[]; total: number }> {
  const result = await withRls(context.claims, (tx) =>
    tx.execute<Omit<AccountAlert, 'created_at'> & { created_at: Date | string; total: number }>(sql`
      select a.id, a.kind, a.severity, a.title, a.body, a.entity_type, a.entity_id, a.created_at, count(*) over ()::int as total
      from public.alerts a
      where a.account_id = ${context.accountId} and a.resolved_at is null
      order by case a.severity when 'critical' then 0 when 'warning' then 1 else 2 end, a.created_at desc
      limit ${limit}`),
  );
  return {
    alerts: result.rows.map(({ total: _total, ...row }) => ({
      ...row,
      created_at: new Date(row.created_at).toISOString(),
    })),
    total: result.rows[0]?.total ?? 0,
  };
}
