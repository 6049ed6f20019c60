// Control endpoints for the seller's side of the authorization: consent without a browser, deauthorize
// (webhook type 6) and the upcoming-expiry notice (webhook type 7).
import { z } from 'zod';

import { findSeller, issueAuthCode } from '../auth/tokens';
import { ControlFailure } from '../http-utils';
import type { Sim } from '../sim';
import { TYPE, emitWebhook } from '../webhooks/emit';

export const authorizeSchema = z.strictObject({ seller: z.string().min(1).optional() });

/** The same effect as clicking Approve on the consent page; returns the code the redirect would carry. */
export function postAuthorize(sim: Sim, body: z.infer<typeof authorizeSchema>) {
  const seller = findSeller(sim, body.seller);
  return { code: issueAuthCode(sim, seller), open_id: seller.openId, seller_name: seller.name };
}

export const shopSchema = z.strictObject({ shop_id: z.string().min(1) });
export const expireSoonSchema = z.strictObject({
  shop_id: z.string().min(1),
  days: z.number().int().min(1).max(30).optional(),
});

function shopOrThrow(sim: Sim, shopId: string) {
  const shop = sim.state.shops.get(shopId);
  if (!shop) throw new ControlFailure(404, `shop ${shopId} not found`);
  return shop;
}

export function postDeauthorize(sim: Sim, body: z.infer<typeof shopSchema>) {
  const shop = shopOrThrow(sim, body.shop_id);
  if (!shop.authorized) throw new ControlFailure(409, `shop ${shop.id} is not authorized`);
  shop.authorized = false;
  emitWebhook(sim, shop.id, TYPE.SELLER_DEAUTHORIZATION, {
    message: `Shop_id ${shop.id} is deauthorized from your APP by merchant.`,
  });
  return { shop_id: shop.id, authorized: false };
}

/** Moves the seller's authorization expiry to `days` from now (default 30) and announces it. */
export function postExpireSoon(sim: Sim, body: z.infer<typeof expireSoonSchema>) {
  const shop = shopOrThrow(sim, body.shop_id);
  if (!shop.authorized) throw new ControlFailure(409, `shop ${shop.id} is not authorized`);
  const expiresAt = sim.clock.nowSeconds() + (body.days ?? 30) * 86400;
  sim.state.grantExpiresAt.set(shop.sellerOpenId, expiresAt);
  for (const record of sim.state.refreshTokens.values()) {
    if (record.openId === shop.sellerOpenId) record.expiresAt = Math.min(record.expiresAt, expiresAt);
  }
  emitWebhook(sim, shop.id, TYPE.UPCOMING_AUTHORIZATION_EXPIRATION, {
    message: `The authorization of shop_id ${shop.id} will expire on ${new Date(expiresAt * 1000).toISOString().slice(0, 10)}. Please ask the seller to re-authorize.`,
    expiration_time: String(expiresAt),
  });
  return { shop_id: shop.id, expiration_time: expiresAt };
}
