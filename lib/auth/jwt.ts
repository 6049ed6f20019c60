import { jwtVerify, SignJWT } from 'jose';
import type { JwtClaims } from '@/lib/db/rls';

/**
 * Session tokens of the built-in provider: HS256 JWTs with exactly the claims Supabase Auth
 * issues (sub, email, role, aud, app_metadata), so one RLS model serves both providers.
 * Pure functions of (secret, time): used by the proxy, route handlers and tests.
 */
const ISSUER = 'creatorflow';
const AUDIENCE = 'authenticated';

export type VerifiedToken = { claims: JwtClaims; issuedAt: number; expiresAt: number };

export async function signSessionToken(
  claims: Omit<JwtClaims, 'role' | 'aud'>,
  secret: string,
  ttlSeconds: number,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<string> {
  return new SignJWT({ ...claims, role: 'authenticated' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(claims.sub)
    .setIssuedAt(nowSeconds)
    .setExpirationTime(nowSeconds + ttlSeconds)
    .sign(new TextEncoder().encode(secret));
}

export async function verifySessionToken(
  token: string,
  secret: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<VerifiedToken | null> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      currentDate: new Date(nowSeconds * 1000),
    });
    if (typeof payload.sub !== 'string' || payload.role !== 'authenticated') return null;
    return {
      claims: {
        sub: payload.sub,
        email: typeof payload.email === 'string' ? payload.email : undefined,
        role: 'authenticated',
        aud: AUDIENCE,
        app_metadata: (payload.app_metadata as JwtClaims['app_metadata']) ?? {},
      },
      issuedAt: payload.iat ?? nowSeconds,
      expiresAt: payload.exp ?? nowSeconds,
    };
  } catch {
    return null;
  }
}

/** Rotate once less than half of the lifetime is left, so an active user is never logged out. */
export const shouldRotate = (token: VerifiedToken, nowSeconds = Math.floor(Date.now() / 1000)): boolean =>
  token.expiresAt - nowSeconds < (token.expiresAt - token.issuedAt) / 2;
