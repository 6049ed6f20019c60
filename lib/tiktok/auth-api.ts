// Auth-host calls (spec §2.2-2.3): exchange a consent code, refresh a token. Unsigned GETs with the app
// secret in the query; answers carry ABSOLUTE expiry times in Unix seconds.
import { withRetry, type RetryOptions } from './retry';
import { tokenResponseSchema, type TikTokTokenResponse } from './schemas';
import { parseData, sendAuthRequest, type HttpContext } from './send-request';
import type { TokenSet } from './types';

export function toTokenSet(data: TikTokTokenResponse): TokenSet {
  return {
    accessToken: data.access_token,
    accessTokenExpiresAt: new Date(data.access_token_expire_in * 1000),
    refreshToken: data.refresh_token,
    refreshTokenExpiresAt: new Date(data.refresh_token_expire_in * 1000),
    openId: data.open_id,
    sellerName: data.seller_name,
    sellerBaseRegion: data.seller_base_region,
    grantedScopes: data.granted_scopes,
  };
}

async function tokenCall(
  http: HttpContext,
  retry: RetryOptions,
  path: string,
  query: Record<string, string>,
) {
  const data = await withRetry(() => sendAuthRequest(http, path, query), retry);
  return toTokenSet(parseData(tokenResponseSchema, data, `GET ${path}`));
}

/** Trades the single-use `code` from the consent redirect for tokens (valid 30 min after consent). */
export function exchangeAuthCode(http: HttpContext, retry: RetryOptions, code: string): Promise<TokenSet> {
  if (!code || code === 'null')
    throw new TypeError('authorization code is missing (seller may have rejected)');
  return tokenCall(http, retry, '/api/v2/token/get', {
    app_key: http.appKey,
    app_secret: http.appSecret,
    auth_code: code,
    grant_type: 'authorized_code',
  });
}

/** Gets a new access token. Always store the returned refresh token: it may differ from the one sent. */
export function refreshAccessToken(
  http: HttpContext,
  retry: RetryOptions,
  refreshToken: string,
): Promise<TokenSet> {
  return tokenCall(http, retry, '/api/v2/token/refresh', {
    app_key: http.appKey,
    app_secret: http.appSecret,
    refresh_token: refreshToken,
    grant_type: 'refresh_token',
  });
}
