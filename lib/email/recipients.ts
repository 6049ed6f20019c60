import 'server-only';
import { sql } from 'drizzle-orm';
import type { Tx } from '@/lib/db';

/**
 * Who receives an account's own emails (plan limits, payouts, reports, alerts): its owners, by
 * their sign-in address in auth.users, oldest membership first. Deleted users and users without an
 * address are skipped. System path: auth.users is not readable under RLS.
 */
export async function listAccountOwnerEmails(tx: Tx, accountId: string): Promise<string[]> {
  const result = await tx.execute<{ email: string }>(sql`
    select u.email
    from public.account_members m
    join auth.users u on u.id = m.user_id
    where m.account_id = ${accountId} and m.role = 'owner' and u.email is not null and u.deleted_at is null
    order by m.created_at, u.email
    limit 50`);
  return [...new Set(result.rows.map((row) => row.email.toLowerCase()))];
}
