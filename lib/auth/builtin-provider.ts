import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { createAccountForUser } from '@/lib/accounts/create-account-for-user';
import { asSystem, tables, type JwtClaims } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { signSessionToken } from './jwt';
import { getDecoyHash, hashPassword, verifyPassword } from './password';
import { assertLoginAllowed, loginKeys, recordLoginAttempt } from './rate-limit';
import type { LogInInput, SignUpInput } from './schemas';

/** The built-in email + password provider: users live in auth.users, as Supabase keeps them. */
export type IssuedSession = { token: string; claims: JwtClaims };

const claimsFor = (user: { id: string; email: string | null; appMetadata: Record<string, unknown> | null }) => ({
  sub: user.id,
  email: user.email ?? undefined,
  app_metadata: (user.appMetadata ?? {}) as JwtClaims['app_metadata'],
});

export async function builtinSignUp(input: SignUpInput): Promise<IssuedSession & { accountId: string }> {
  const encryptedPassword = await hashPassword(input.password);
  const { user, accountId } = await asSystem(async (tx) => {
    const existing = await tx
      .select({ id: tables.authUsers.id })
      .from(tables.authUsers)
      .where(sql`lower(${tables.authUsers.email}) = ${input.email}`);
    if (existing.length > 0) throw new AppError('CONFLICT', 'An account with this email already exists');
    const [created] = await tx
      .insert(tables.authUsers)
      .values({
        email: input.email,
        encryptedPassword,
        emailConfirmedAt: new Date(),
        lastSignInAt: new Date(),
        rawAppMetaData: { provider: 'email', providers: ['email'] },
        rawUserMetaData: { full_name: input.fullName },
      })
      .returning();
    const { accountId } = await createAccountForUser(tx, {
      userId: created!.id,
      accountName: input.accountName,
      fullName: input.fullName,
    });
    return { user: created!, accountId };
  });
  const claims = claimsFor({ id: user.id, email: user.email, appMetadata: user.rawAppMetaData });
  const token = await signSessionToken(claims, env.AUTH_JWT_SECRET, env.AUTH_SESSION_TTL_SECONDS);
  return { token, claims: { ...claims, role: 'authenticated' }, accountId };
}

export async function builtinLogIn(input: LogInInput, ip: string | null): Promise<IssuedSession> {
  const keys = loginKeys(input.email, ip);
  await assertLoginAllowed(keys);
  const [user] = await asSystem((tx) =>
    tx
      .select()
      .from(tables.authUsers)
      .where(sql`lower(${tables.authUsers.email}) = ${input.email} and ${tables.authUsers.deletedAt} is null`),
  );
  const ok = await verifyPassword(user?.encryptedPassword ?? (await getDecoyHash()), input.password);
  await recordLoginAttempt(keys, ok && Boolean(user));
  if (!user || !ok) throw new AppError('UNAUTHENTICATED', 'Email or password is incorrect');
  await asSystem((tx) =>
    tx.update(tables.authUsers).set({ lastSignInAt: new Date() }).where(eq(tables.authUsers.id, user.id)),
  );
  const claims = claimsFor({ id: user.id, email: user.email, appMetadata: user.rawAppMetaData });
  const token = await signSessionToken(claims, env.AUTH_JWT_SECRET, env.AUTH_SESSION_TTL_SECONDS);
  return { token, claims: { ...claims, role: 'authenticated' } };
}
