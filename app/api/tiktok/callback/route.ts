// GET /api/tiktok/callback — TikTok's consent redirect: checks the CSRF state, exchanges the code, stores
// every authorized shop (tokens encrypted), queues its import and first sync, back to Settings → Shops.
import { cookies } from 'next/headers';
import { requireApiContext } from '@/lib/accounts';
import { isTikTokApiError } from '@/lib/tiktok';
import { logger } from '@/lib/logger';
import { OAUTH_STATE_COOKIE, checkOAuthState, connectShopsWithCode, tiktokAppConfig } from '@/lib/tiktok/server';
import { connectErrorResponse, redirectToShops } from '@/lib/tiktok/shops/settings-redirect';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  try {
    const context = await requireApiContext('shops:manage');
    const params = new URL(request.url).searchParams;
    const check = checkOAuthState({
      cookieValue: (await cookies()).get(OAUTH_STATE_COOKIE)?.value,
      state: params.get('state'),
      accountId: context.accountId,
      userId: context.userId,
      key: tiktokAppConfig().encryptionKey,
    });
    if (check !== 'ok') {
      logger.warn({ accountId: context.accountId, check }, 'tiktok consent callback with a bad state');
      return redirectToShops({ tiktok: 'invalid_state' });
    }
    const code = params.get('code');
    if (params.get('error') || !code || code === 'null') return redirectToShops({ tiktok: 'denied' });

    const result = await connectShopsWithCode({ accountId: context.accountId, code }).catch((error: unknown) => {
      logger.warn({ accountId: context.accountId, kind: isTikTokApiError(error) ? error.kind : undefined, err: error }, 'tiktok connect failed');
      return null;
    });
    if (!result) return redirectToShops({ tiktok: 'failed' });
    const refused = result.refused.map((shop) => shop.name).join(', ');
    if (result.connected.length === 0) return redirectToShops(refused ? { tiktok: 'refused', refused } : { tiktok: 'no_shops' });
    return redirectToShops({ tiktok: 'connected', shops: result.connected.map((shop) => shop.name).join(', '), refused });
  } catch (error) {
    return connectErrorResponse(error);
  }
}
