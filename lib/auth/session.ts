import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { env, isSupabaseAuth } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { builtinLogIn, builtinSignUp } from './builtin-provider';
import { ACCOUNT_COOKIE, SESSION_COOKIE, sessionCookieOptions } from './cookies';
import { verifySessionToken } from './jwt';
import type { LogInInput, SignUpInput } from './schemas';
import { supabaseClaims, supabaseLogIn, supabaseLogOut, supabaseSignUp } from './supabase-provider';
import { sessionFromClaims, type Session } from './types';

/** The one way to ask "who is this?", for both providers. Cached per request. */
export const getSession = cache(async (): Promise<Session | null> => {
  if (isSupabaseAuth()) {
    const claims = await supabaseClaims();
    return claims ? sessionFromClaims('supabase', claims) : null;
  }
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  const verified = await verifySessionToken(token, env.AUTH_JWT_SECRET);
  return verified ? sessionFromClaims('builtin', verified.claims) : null;
});

/** For pages: no session → the login page, remembering where the user was going. */
export async function requireSession(nextPath?: string): Promise<Session> {
  const session = await getSession();
  if (!session) redirect(nextPath ? `/login?next=${encodeURIComponent(nextPath)}` : '/login');
  return session;
}

/** For route handlers: no session → 401. */
export async function requireApiSession(): Promise<Session> {
  const session = await getSession();
  if (!session) throw new AppError('UNAUTHENTICATED', 'Log in to continue');
  return session;
}

async function clientIp(): Promise<string | null> {
  const forwarded = (await headers()).get('x-forwarded-for');
  return forwarded?.split(',')[0]?.trim() || null;
}

/** Creates the user and their first account; returns the session and that account's id. */
export async function signUp(input: SignUpInput): Promise<Session & { accountId: string }> {
  const cookieStore = await cookies();
  if (isSupabaseAuth()) {
    const { claims, accountId } = await supabaseSignUp(input);
    cookieStore.set(ACCOUNT_COOKIE, accountId, sessionCookieOptions(60 * 60 * 24 * 365));
    return { ...sessionFromClaims('supabase', claims), accountId };
  }
  const issued = await builtinSignUp(input);
  cookieStore.set(SESSION_COOKIE, issued.token, sessionCookieOptions(env.AUTH_SESSION_TTL_SECONDS));
  cookieStore.set(ACCOUNT_COOKIE, issued.accountId, sessionCookieOptions(60 * 60 * 24 * 365));
  return { ...sessionFromClaims('builtin', issued.claims), accountId: issued.accountId };
}

export async function logIn(input: LogInInput): Promise<Session> {
  if (isSupabaseAuth()) return sessionFromClaims('supabase', (await supabaseLogIn(input)).claims);
  const issued = await builtinLogIn(input, await clientIp());
  (await cookies()).set(SESSION_COOKIE, issued.token, sessionCookieOptions(env.AUTH_SESSION_TTL_SECONDS));
  return sessionFromClaims('builtin', issued.claims);
}

export async function logOut(): Promise<void> {
  const cookieStore = await cookies();
  if (isSupabaseAuth()) await supabaseLogOut();
  cookieStore.delete(SESSION_COOKIE);
  cookieStore.delete(ACCOUNT_COOKIE);
}
