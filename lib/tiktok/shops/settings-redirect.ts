import 'server-only';
import { NextResponse } from 'next/server';
import { sessionCookieOptions } from '@/lib/auth/cookies';
import { isAppError } from '@/lib/errors';
import { errorResponse } from '@/lib/errors/http';
import { tiktokAppConfig } from '../app-client';
import { OAUTH_STATE_COOKIE, OAUTH_STATE_TTL_SECONDS } from './oauth-state';

/** Query keys Settings → Shops reads to show the outcome of a connect attempt. */
export type ConnectNotice =
  | { tiktok: 'connected'; shops: string; refused?: string }
  | { tiktok: 'refused'; refused: string }
  | { tiktok: 'denied' | 'invalid_state' | 'failed' | 'forbidden' | 'no_shops' };

/** 303 to Settings → Shops with a notice; the consent cookie is always cleared on the way. */
export function redirectToShops(notice: ConnectNotice): NextResponse {
  const url = new URL('/settings/shops', tiktokAppConfig().appUrl);
  for (const [key, value] of Object.entries(notice)) if (value) url.searchParams.set(key, value);
  const response = NextResponse.redirect(url, 303);
  response.cookies.set(OAUTH_STATE_COOKIE, '', { ...oauthCookieOptions(0) });
  return response;
}

export function oauthCookieOptions(maxAgeSeconds = OAUTH_STATE_TTL_SECONDS) {
  // Lax, not Strict: the cookie must come back on TikTok's top-level redirect to our callback.
  return { ...sessionCookieOptions(maxAgeSeconds), path: '/api/tiktok' };
}

/**
 * The connect routes are browser navigations, not fetches: without a session go to the login page
 * (and back here after), without `shops:manage` back to the shops page with a notice.
 */
export function connectErrorResponse(error: unknown): Response {
  if (isAppError(error) && error.code === 'UNAUTHENTICATED') {
    const login = new URL('/login', tiktokAppConfig().appUrl);
    login.searchParams.set('next', '/settings/shops');
    return NextResponse.redirect(login, 303);
  }
  if (isAppError(error) && (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND')) return redirectToShops({ tiktok: 'forbidden' });
  return errorResponse(error, { route: 'tiktok connect' });
}
