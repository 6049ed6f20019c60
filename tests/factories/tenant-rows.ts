import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '@/lib/db';
import { asSystem } from '@/lib/db';

/**
 * One row factory per tenant table (every public table with an account_id column). The RLS suite
 * checks that this map covers the whole catalog, so a new tenant table without a factory fails CI
 * until someone proves its isolation here.
 */
export type RowFactory = (tx: Tx, accountId: string) => Promise<SQL>;

async function insertReturningId(tx: Tx, statement: SQL): Promise<SQL> {
  const result = await tx.execute<{ id: string }>(statement);
  return sql`id = ${result.rows[0]!.id}`;
}

export const tenantRowFactories: Record<string, RowFactory> = {
  account_members: async (tx, accountId) => {
    const user = await asSystem((system) =>
      system.execute<{ id: string }>(sql`insert into auth.users (email) values (${`member-${crypto.randomUUID()}@test.dev`}) returning id`),
    );
    const userId = user.rows[0]!.id;
    await tx.execute(sql`insert into public.account_members (account_id, user_id, role) values (${accountId}, ${userId}, 'viewer')`);
    return sql`account_id = ${accountId} and user_id = ${userId}`;
  },
  audit_log: (tx, accountId) =>
    insertReturningId(
      tx,
      sql`insert into public.audit_log (account_id, actor_type, action, entity_type) values (${accountId}, 'system', 'test.created', 'test') returning id`,
    ),
};
