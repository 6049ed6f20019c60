import type { JwtClaims } from '@/lib/db/rls';

export type AuthProvider = 'builtin' | 'supabase';

/** What every request knows about its user, whichever provider signed them in. */
export type Session = {
  provider: AuthProvider;
  userId: string;
  email: string | null;
  claims: JwtClaims;
  isOps: boolean;
};

export const sessionFromClaims = (provider: AuthProvider, claims: JwtClaims): Session => ({
  provider,
  userId: claims.sub,
  email: claims.email ?? null,
  claims,
  isOps: claims.app_metadata?.platform_role === 'ops',
});
