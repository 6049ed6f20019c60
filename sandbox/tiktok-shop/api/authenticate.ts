// API-host request verification, in TikTok's order (spec §3.5, §11.3): common params and timestamp window,
// signature over the raw body, access token, then shop_cipher presence/absence and token↔shop match.
import type { IncomingHttpHeaders } from 'node:http';

import { ApiFailure } from '../http-utils';
import type { Sim } from '../sim';
import { isValidRequestSign } from '../signature';
import type { SimSeller, SimShop } from '../types';
import type { ApiRoute } from './routes';

const PAST_WINDOW_SECONDS = 300;
const FUTURE_WINDOW_SECONDS = 30;

const credentials = (message: string) => new ApiFailure(36009004, `Invalid credentials. ${message}`, 401);

export function authenticate(
  sim: Sim,
  route: ApiRoute,
  url: URL,
  headers: IncomingHttpHeaders,
  rawBody: Buffer,
): { seller: SimSeller; shop: SimShop | undefined } {
  const query = url.searchParams;
  const contentType = headers['content-type'] ?? '';
  if (!contentType)
    throw new ApiFailure(36009004, 'The content-type header is required (application/json)', 400);

  const sign = query.get('sign');
  if (!sign) throw credentials("The 'sign' query parameter is missing.");
  if (query.get('app_key') !== sim.options.appKey)
    throw credentials("The 'app_key' query parameter is invalid.");
  const timestamp = query.get('timestamp') ?? '';
  const now = sim.clock.nowSeconds();
  if (
    !/^\d{1,10}$/.test(timestamp) ||
    Number(timestamp) < now - PAST_WINDOW_SECONDS ||
    Number(timestamp) > now + FUTURE_WINDOW_SECONDS
  ) {
    throw new ApiFailure(
      36009004,
      'Invalid timestamp: it must be within 5 minutes before and 30 seconds after server time',
      400,
    );
  }
  const params = [...query.entries()];
  if (
    !isValidRequestSign({
      appSecret: sim.options.appSecret,
      path: url.pathname,
      params,
      rawBody,
      contentType,
      sign,
    })
  ) {
    throw new ApiFailure(106001, "Invalid credentials. The 'sign' query parameter is invalid.", 401);
  }

  const token = sim.state.accessTokens.get(String(headers['x-tts-access-token'] ?? ''));
  if (!token) throw credentials("The 'x-tts-access-token' header is invalid.");
  if (token.expiresAt <= now)
    throw new ApiFailure(105002, 'Expired credentials. The access token is expired, please refresh it.', 401);
  const seller = sim.state.sellers.get(token.openId)!;
  if (query.has('shop_id'))
    throw new ApiFailure(36009004, 'shop_id is invalid: use shop_cipher with API version 202309', 400);

  const cipher = query.get('shop_cipher');
  if (!route.shopScoped) {
    if (cipher !== null)
      throw new ApiFailure(36009004, 'Unexpected identifier: shop_cipher not required', 400);
    if (!seller.shopIds.some((id) => sim.state.shops.get(id)?.authorized))
      throw new ApiFailure(105001, 'access token is invalid', 401);
    return { seller, shop: undefined };
  }
  if (!cipher) throw new ApiFailure(106013, 'shop_cipher is required for this API', 400);
  const shop = [...sim.state.shops.values()].find((candidate) => candidate.cipher === cipher);
  if (!shop) throw new ApiFailure(36009004, 'shop_cipher is invalid', 400);
  if (shop.sellerOpenId !== seller.openId) {
    throw new ApiFailure(101000, 'The x-tts-access-token is not linked to the shop of this shop_cipher', 403);
  }
  if (!shop.authorized)
    throw new ApiFailure(105001, 'access token is invalid: the shop deauthorized this app', 401);
  return { seller, shop };
}

/**
 * A token bucket per (app, shop, API): `qpsLimit` requests of burst, refilled at `qpsLimit` per second.
 * TikTok documents only "50 QPS per API"; a bucket lets a client that paces itself the same way through.
 */
export function checkQps(sim: Sim, key: string): void {
  const now = sim.clock.nowMs();
  const limit = sim.options.qpsLimit;
  const bucket = sim.rateBuckets.get(key) ?? { tokens: limit, at: now };
  bucket.tokens = Math.min(limit, bucket.tokens + (Math.max(0, now - bucket.at) * limit) / 1000);
  bucket.at = now;
  sim.rateBuckets.set(key, bucket);
  if (bucket.tokens < 1) throw new ApiFailure(36009002, 'Too many requests, please retry later', 429);
  bucket.tokens -= 1;
}
