import 'server-only';
import { sql } from 'drizzle-orm';
import { asSystem } from '@/lib/db';

export type TenantRow = { id: string; name: string; planId: string; members: number; createdAt: string };

/** Every account on the platform. System path: only the ops-gated admin pages call this. */
export async function unsafeListTenants(): Promise<TenantRow[]> {
  const result = await asSystem((tx) =>
    tx.execute<TenantRow>(sql`
      select a.id, a.name, a.plan_id as "planId", count(m.user_id)::int as members, a.created_at::text as "createdAt"
      from public.accounts a left join public.account_members m on m.account_id = a.id
      group by a.id order by a.created_at desc limit 500`),
  );
  return result.rows;
}
