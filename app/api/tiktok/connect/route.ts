// GET /api/tiktok/connect — starts connecting a TikTok Shop (owner/admin): a CSRF state bound to this
// account in a short-lived httpOnly cookie, then a redirect to TikTok's consent page.
import { NextResponse } from 'next/server';
import { requireApiContext } from '@/lib/accounts';
import { OAUTH_STATE_COOKIE, createOAuthState, tiktokAppConfig } from '@/lib/tiktok/server';
import { connectErrorResponse, oauthCookieOptions } from '@/lib/tiktok/shops/settings-redirect';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  try {
    const context = await requireApiContext('shops:manage');
    const config = tiktokAppConfig();
    const { state, cookieValue } = createOAuthState({ accountId: context.accountId, userId: context.userId, key: config.encryptionKey });
    const consent = new URL(config.authorizeUrl);
    consent.searchParams.set('app_key', config.appKey);
    consent.searchParams.set('state', state);
    const response = NextResponse.redirect(consent, 303);
    response.cookies.set(OAUTH_STATE_COOKIE, cookieValue, oauthCookieOptions());
    return response;
  } catch (error) {
    return connectErrorResponse(error);
  }
}
