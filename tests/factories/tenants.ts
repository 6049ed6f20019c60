import { sql } from 'drizzle-orm';
import { createAccountForUser } from '@/lib/accounts/create-account-for-user';
import { asSystem, tables, type JwtClaims } from '@/lib/db';
import type { MemberRole } from '@/lib/db/schema/accounts';

export type TestTenant = { accountId: string; userId: string; email: string; claims: JwtClaims };

let counter = 0;

/** A user who owns a fresh account, created through the same path sign-up uses. */
export async function createTenant(name = 'Tenant'): Promise<TestTenant> {
  counter += 1;
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${counter}-${Date.now()}@test.creatorflow.dev`;
  return asSystem(async (tx) => {
    const [user] = await tx
      .insert(tables.authUsers)
      .values({ email, rawAppMetaData: { provider: 'email' } })
      .returning({ id: tables.authUsers.id });
    const { accountId } = await createAccountForUser(tx, { userId: user!.id, accountName: `${name} ${counter}` });
    return { accountId, userId: user!.id, email, claims: { sub: user!.id, email, role: 'authenticated' } };
  });
}

/** Adds an existing tenant's user to another account with a role. */
export async function addMember(accountId: string, userId: string, role: MemberRole): Promise<void> {
  await asSystem((tx) => tx.execute(sql`insert into public.account_members (account_id, user_id, role) values (${accountId}, ${userId}, ${role})`));
}
