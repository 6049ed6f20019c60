// Auth host (spec §2.2-2.3): consent codes (single use, 30 min) and the token endpoints. Errors use the
// codes observed in the wild: 36004004 invalid auth code, 36004005 unknown refresh token, 36004001 expired.
import { GRANTED_SCOPES } from '../catalog';
import { ApiFailure, ControlFailure } from '../http-utils';
import { opaqueToken } from '../ids';
import type { Sim } from '../sim';
import type { SimSeller } from '../types';

const AUTH_CODE_TTL_SECONDS = 30 * 60;

/** The seller consents: all their shops become authorized and a single-use code is issued. */
export function issueAuthCode(sim: Sim, seller: SimSeller): string {
  const now = sim.clock.nowSeconds();
  const code = opaqueToken('TTP_');
  sim.state.authCodes.set(code, {
    openId: seller.openId,
    expiresAt: now + AUTH_CODE_TTL_SECONDS,
    used: false,
  });
  sim.state.grantExpiresAt.set(seller.openId, now + sim.options.refreshTokenTtlSeconds);
  for (const shopId of seller.shopIds) sim.state.shops.get(shopId)!.authorized = true;
  return code;
}

/** A seller by open_id or by name; the first seller when none is given. */
export function findSeller(sim: Sim, key: string | undefined): SimSeller {
  const sellers = [...sim.state.sellers.values()];
  const seller = key ? sellers.find((s) => s.openId === key || s.name === key) : sellers[0];
  if (!seller) throw new ControlFailure(404, `seller ${key} not found`);
  return seller;
}

function issueTokens(sim: Sim, openId: string) {
  const now = sim.clock.nowSeconds();
  const seller = sim.state.sellers.get(openId)!;
  const accessToken = opaqueToken('ROW_');
  const refreshToken = opaqueToken('ROW_');
  const accessExpiresAt = now + sim.options.accessTokenTtlSeconds;
  const refreshExpiresAt = sim.state.grantExpiresAt.get(openId) ?? now + sim.options.refreshTokenTtlSeconds;
  sim.state.accessTokens.set(accessToken, { openId, expiresAt: accessExpiresAt });
  sim.state.refreshTokens.set(refreshToken, { openId, expiresAt: refreshExpiresAt });
  return {
    access_token: accessToken,
    access_token_expire_in: accessExpiresAt,
    refresh_token: refreshToken,
    refresh_token_expire_in: refreshExpiresAt,
    open_id: openId,
    seller_name: seller.name,
    seller_base_region: seller.region,
    user_type: 0,
    granted_scopes: GRANTED_SCOPES,
  };
}

function checkApp(sim: Sim, query: URLSearchParams, grantType: string): void {
  if (query.get('app_key') !== sim.options.appKey || query.get('app_secret') !== sim.options.appSecret) {
    throw new ApiFailure(36009004, 'Invalid app_key or app_secret');
  }
  if (query.get('grant_type') !== grantType)
    throw new ApiFailure(36009004, `grant_type must be ${grantType}`);
}

/** GET /api/v2/token/get */
export function getToken(sim: Sim, query: URLSearchParams) {
  checkApp(sim, query, 'authorized_code');
  const code = sim.state.authCodes.get(query.get('auth_code') ?? '');
  if (!code || code.used || code.expiresAt <= sim.clock.nowSeconds())
    throw new ApiFailure(36004004, 'invalid auth code');
  code.used = true;
  return issueTokens(sim, code.openId);
}

/**
 * GET /api/v2/token/refresh. Each refresh issues a new access token and a new refresh token; earlier
 * refresh tokens stay usable until their own expiry (TikTok does not document revoking them).
 */
export function refreshToken(sim: Sim, query: URLSearchParams) {
  checkApp(sim, query, 'refresh_token');
  const record = sim.state.refreshTokens.get(query.get('refresh_token') ?? '');
  if (!record) throw new ApiFailure(36004005, 'can not find related auth record');
  if (record.expiresAt <= sim.clock.nowSeconds()) throw new ApiFailure(36004001, 'rt has expired');
  sim.state.tokenRefreshes += 1;
  return issueTokens(sim, record.openId);
}
