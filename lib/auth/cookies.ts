import { env } from '@/lib/env';

export const SESSION_COOKIE = 'cf_session';
export const ACCOUNT_COOKIE = 'cf_account';

export const sessionCookieOptions = (maxAgeSeconds: number) => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: env.APP_URL.startsWith('https://'),
  path: '/',
  maxAge: maxAgeSeconds,
});
