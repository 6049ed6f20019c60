import 'server-only';
import { sql } from 'drizzle-orm';
import { createAccountForUser } from '@/lib/accounts/create-account-for-user';
import { hashPassword } from '@/lib/auth/password';
import { asSystem, tables } from '@/lib/db';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';

export type SeededUser = { email: string; userId: string; accountId: string };

/**
 * Idempotent demo data: the demo creator, a second tenant for isolation checks, and an ops user.
 * Existing users are left as they are, so restarting `bun run dev` keeps everything.
 */
export async function seedDemo(): Promise<SeededUser[]> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const seeded: SeededUser[] = [];
  for (const user of DEMO_USERS) {
    const result = await asSystem(async (tx) => {
      const existing = await tx.execute<{ id: string; account_id: string | null }>(sql`
        select u.id, p.default_account_id as account_id
        from auth.users u left join public.profiles p on p.id = u.id
        where lower(u.email) = ${user.email}`);
      const found = existing.rows[0];
      if (found?.account_id) return { email: user.email, userId: found.id, accountId: found.account_id };
      const [created] = await tx
        .insert(tables.authUsers)
        .values({
          email: user.email,
          encryptedPassword: passwordHash,
          emailConfirmedAt: new Date(),
          rawAppMetaData: {
            provider: 'email',
            providers: ['email'],
            ...(user.platformRole ? { platform_role: user.platformRole } : {}),
          },
          rawUserMetaData: { full_name: user.fullName },
        })
        .returning({ id: tables.authUsers.id });
      const { accountId } = await createAccountForUser(tx, {
        userId: created!.id,
        accountName: user.accountName,
        fullName: user.fullName,
      });
      return { email: user.email, userId: created!.id, accountId };
    });
    seeded.push(result);
  }
  return seeded;
}
