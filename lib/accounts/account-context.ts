import 'server-only';
import { eq } from 'drizzle-orm';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ACCOUNT_COOKIE } from '@/lib/auth/cookies';
import { requireApiSession, requireSession } from '@/lib/auth/session';
import type { Session } from '@/lib/auth/types';
import { tables, withRls, type JwtClaims } from '@/lib/db';
import type { MemberRole } from '@/lib/db/schema/accounts';
import { AppError } from '@/lib/errors';
import { can, type Action } from './permissions';

/** Every domain function takes this: who acts, in which account, with which role. */
export type AccountContext = {
  accountId: string;
  accountName: string;
  userId: string;
  role: MemberRole;
  claims: JwtClaims;
  isOps: boolean;
};

export type Membership = { accountId: string; accountName: string; role: MemberRole };

export const listMemberships = cache(async (session: Session): Promise<Membership[]> =>
  withRls(session.claims, (tx) =>
    tx
      .select({ accountId: tables.accounts.id, accountName: tables.accounts.name, role: tables.accountMembers.role })
      .from(tables.accountMembers)
      .innerJoin(tables.accounts, eq(tables.accounts.id, tables.accountMembers.accountId))
      .where(eq(tables.accountMembers.userId, session.userId))
      .orderBy(tables.accounts.createdAt),
  ),
);

/**
 * The current account: the one named by the cf_account cookie if the user belongs to it,
 * otherwise their first. A forged cookie for someone else's account is simply ignored.
 */
async function resolveContext(session: Session): Promise<AccountContext | null> {
  const memberships = await listMemberships(session);
  const wanted = (await cookies()).get(ACCOUNT_COOKIE)?.value;
  const chosen = memberships.find((m) => m.accountId === wanted) ?? memberships[0];
  if (!chosen) return null;
  return { ...chosen, userId: session.userId, claims: session.claims, isOps: session.isOps };
}

export const getAccountContext = cache(async (nextPath?: string): Promise<AccountContext> => {
  const session = await requireSession(nextPath);
  const context = await resolveContext(session);
  if (!context) notFound();
  return context;
});

/** For route handlers: 401 without a session, 404 without an account, 403 without the permission. */
export async function requireApiContext(action?: Action): Promise<AccountContext> {
  const session = await requireApiSession();
  const context = await resolveContext(session);
  if (!context) throw new AppError('NOT_FOUND', 'No account found for this user');
  if (action && !can(context.role, action)) {
    throw new AppError('FORBIDDEN', `Your role (${context.role}) cannot do this`);
  }
  return context;
}

export function assertCan(context: AccountContext, action: Action): void {
  if (!can(context.role, action)) throw new AppError('FORBIDDEN', `Your role (${context.role}) cannot do this`);
}
