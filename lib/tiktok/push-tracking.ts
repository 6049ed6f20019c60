import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { systemDb, tables } from '@/lib/db';
import type { JobContext } from '@/lib/queue/define-job';
import { PermanentJobError } from '@/lib/queue/define-job';
import { isTikTokApiError } from './errors';
import { openShopApi } from './shops/open-shop-api';
import { findShippingProvider, forgetShippingProviders } from './sync/shipping-provider-cache';
import { toShopJobFailure } from './sync/shop-job-failure';

export type PushTrackingOutcome = 'pushed' | 'corrected' | 'already_pushed';

/**
 * Tells TikTok Shop the order's package shipped with our label: Ship Package with the purchased
 * shipment's tracking number and TikTok's id for its carrier (looked up under the order's delivery
 * option). Safe to repeat: a package TikTok already shipped with our number counts as done, and one
 * shipped with an older number (label voided and bought again) is corrected within TikTok's 72 h window.
 * An order TikTok holds back (not AWAITING_SHIPMENT yet) is retried; a refusal no retry can fix is
 * recorded on the order and fails the job for good.
 */
export async function pushTrackingToTikTok(
  input: { accountId: string; orderId: string },
  _context?: JobContext,
): Promise<PushTrackingOutcome> {
  const { order, shipment, shop } = await loadPushContext(input);
  const trackingNumber = shipment.trackingNumber!;
  if (order.trackingPushedAt && order.trackingNumber === trackingNumber) return 'already_pushed';
  if (!shop) throw new PermanentJobError(`shop of order ${order.id} not found`);
  if (!order.packageId) return fail(order.id, 'TikTok has not assigned a package to this order yet', true);
  if (!order.deliveryOptionId) return fail(order.id, 'The order has no TikTok delivery option to choose a carrier from');

  const api = openShopApi(shop);
  try {
    const { providers, provider } = await findShippingProvider(api, shop.id, order.deliveryOptionId, shipment.provider ?? '');
    if (!provider) {
      const offered = providers.map((p) => p.name).join(', ') || 'none';
      return fail(order.id, `TikTok offers no carrier matching "${shipment.provider}" for this delivery option (offered: ${offered})`);
    }
    const self = { trackingNumber, shippingProviderId: provider.id };
    let outcome: PushTrackingOutcome = 'pushed';
    try {
      await api.shipPackage(order.packageId, self);
    } catch (error) {
      if (!isTikTokApiError(error) || error.kind !== 'ALREADY_SHIPPED') {
        forgetShippingProviders(shop.id, order.deliveryOptionId);
        throw error;
      }
      const [remote] = await api.getOrderDetails([order.tiktokOrderId]);
      if (remote?.tracking_number !== trackingNumber) {
        await api.updateShippingInfo(order.tiktokOrderId, self);
        outcome = 'corrected';
      }
    }
    await systemDb()
      .update(tables.orders)
      .set({ trackingPushedAt: new Date(), trackingNumber, shippingProvider: provider.name, lastError: null, updatedAt: new Date() })
      .where(eq(tables.orders.id, order.id));
    return outcome;
  } catch (error) {
    if (error instanceof PermanentJobError) throw error;
    if (isTikTokApiError(error)) {
      switch (error.kind) {
        case 'INVALID_STATUS':
          return fail(order.id, 'TikTok does not accept shipping for this order yet (still on hold)', true);
        case 'ORDER_CANCELLED':
          return fail(order.id, 'The order was cancelled on TikTok Shop; tracking was not pushed');
        case 'INVALID_TRACKING':
        case 'DUPLICATE_TRACKING':
        case 'TRACKING_UPDATE_WINDOW_CLOSED':
        case 'NOT_SHIPPED':
        case 'ALREADY_DELIVERED':
        case 'NO_SHIPPING_PROVIDERS':
          return fail(order.id, `TikTok refused the tracking number: ${error.message}`);
      }
    }
    throw await toShopJobFailure(shop, error);
  }
}

/**
 * The order, its newest purchased shipment and its shop, in one statement (a read: no transaction
 * needed). The shop comes back null if it is no longer this account's.
 */
async function loadPushContext(input: { accountId: string; orderId: string }) {
  const { orders, shipments: s, tiktokShops: shops } = tables;
  const newestPurchased = sql`(
    select sh.id from public.shipments sh
    where sh.order_id = ${orders.id} and sh.account_id = ${orders.accountId} and sh.status = 'purchased'
    order by sh.purchased_at desc, sh.created_at desc
    limit 1)`;
  const [row] = await systemDb()
    .select({ order: orders, shipment: s, shop: shops })
    .from(orders)
    .leftJoin(s, eq(s.id, newestPurchased))
    .leftJoin(shops, and(eq(shops.id, orders.shopId), eq(shops.accountId, orders.accountId)))
    .where(and(eq(orders.id, input.orderId), eq(orders.accountId, input.accountId)));
  if (!row) throw new PermanentJobError(`order ${input.orderId} not found in account ${input.accountId}`);
  const { order, shipment, shop } = row;
  if (!shipment?.trackingNumber) {
    throw new PermanentJobError(`order ${order.id} has no purchased shipment with a tracking number`);
  }
  return { order, shipment, shop };
}

/** Records why on the order; `retry` leaves the job to pg-boss's backoff instead of failing it for good. */
async function fail(orderId: string, message: string, retry = false): Promise<never> {
  await systemDb().update(tables.orders).set({ lastError: message }).where(eq(tables.orders.id, orderId));
  throw retry ? new Error(message) : new PermanentJobError(message);
}
