import 'server-only';
import { createServerClient } from '@supabase/ssr';
import type { SupabaseClient, User } from '@supabase/supabase-js';
import { cookies } from 'next/headers';
import { createAccountForUser } from '@/lib/accounts/create-account-for-user';
import { asSystem, type JwtClaims } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { LogInInput, SignUpInput } from './schemas';

/**
 * Supabase Auth through @supabase/ssr, used when NEXT_PUBLIC_SUPABASE_URL is set. Supabase keeps
 * the session in its own cookies and the user in auth.users of the same database, so only the
 * account bootstrap (account, membership, profile) is ours.
 */
export async function createSupabaseServerClient(): Promise<SupabaseClient> {
  const cookieStore = await cookies();
  return createServerClient(env.NEXT_PUBLIC_SUPABASE_URL!, env.NEXT_PUBLIC_SUPABASE_ANON_KEY!, {
    cookies: {
      getAll: () => cookieStore.getAll(),
      setAll: (toSet) => {
        try {
          for (const { name, value, options } of toSet) cookieStore.set(name, value, options);
        } catch {
          // Server Components cannot set cookies; the proxy refreshes them on the next request.
        }
      },
    },
  });
}

export const claimsFromSupabaseUser = (user: User): JwtClaims => ({
  sub: user.id,
  email: user.email,
  role: 'authenticated',
  aud: 'authenticated',
  app_metadata: (user.app_metadata ?? {}) as JwtClaims['app_metadata'],
});

export async function supabaseSignUp(input: SignUpInput): Promise<{ claims: JwtClaims; accountId: string }> {
  const supabase = await createSupabaseServerClient();
  const { data, error } = await supabase.auth.signUp({
    email: input.email,
    password: input.password,
    options: { data: { full_name: input.fullName } },
  });
  if (error || !data.user) {
    if (error?.status === 422 || error?.code === 'user_already_exists') {
      throw new AppError('CONFLICT', 'An account with this email already exists');
    }
    throw new AppError('UPSTREAM', 'Sign-up failed at the authentication service');
  }
  const user = data.user;
  const { accountId } = await asSystem((tx) =>
    createAccountForUser(tx, { userId: user.id, accountName: input.accountName, fullName: input.fullName }),
  );
  return { claims: claimsFromSupabaseUser(user), accountId };
}

export async function supabaseLogIn(input: LogInInput): Promise<{ claims: JwtClaims }> {
  const supabase = await createSupabaseServerClient();
  const { data, error } = await supabase.auth.signInWithPassword(input);
  if (error || !data.user) {
    if (error?.status === 429) throw new AppError('LIMIT_EXCEEDED', 'Too many login attempts. Try again later.');
    throw new AppError('UNAUTHENTICATED', 'Email or password is incorrect');
  }
  return { claims: claimsFromSupabaseUser(data.user) };
}

export async function supabaseLogOut(): Promise<void> {
  const supabase = await createSupabaseServerClient();
  await supabase.auth.signOut();
}

/** Validates the session with the Supabase Auth server (getUser, never the unverified cookie). */
export async function supabaseClaims(): Promise<JwtClaims | null> {
  const supabase = await createSupabaseServerClient();
  const { data } = await supabase.auth.getUser();
  return data.user ? claimsFromSupabaseUser(data.user) : null;
}
