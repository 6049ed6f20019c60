import 'server-only';
import { and, eq } from 'drizzle-orm';
import { systemDb, tables } from '@/lib/db';
import type { JobContext } from '@/lib/queue/define-job';
import { PermanentJobError } from '@/lib/queue/define-job';
import { isTikTokApiError } from './errors';
import { openShopApi } from './shops/open-shop-api';
import { isTrackingPushed, loadPushContexts } from './sync/load-push-contexts';
import { recordTrackingPushes } from './sync/record-tracking-pushes';
import { findShippingProvider, forgetShippingProviders } from './sync/shipping-provider-cache';
import { toShopJobFailure } from './sync/shop-job-failure';

export type PushTrackingOutcome = 'pushed' | 'corrected' | 'already_pushed';

/**
 * Tells TikTok Shop the order's package shipped with our label: Ship Package with the purchased
 * shipment's tracking number and TikTok's id for its carrier (looked up under the order's delivery
 * option). Safe to repeat: a package TikTok already shipped with our number counts as done, and one
 * shipped with an older number (label voided and bought again) is corrected within TikTok's 72 h window.
 * An order TikTok holds back (not AWAITING_SHIPMENT yet) is retried; a refusal no retry can fix is
 * recorded on the order and fails the job for good. The job's batch path (push-tracking-batch.ts) hands
 * every order off its happy path to this function.
 */
export async function pushTrackingToTikTok(
  input: { accountId: string; orderId: string },
  _context?: JobContext,
): Promise<PushTrackingOutcome> {
  const { order, shipment, shop } = await loadPushContext(input);
  const trackingNumber = shipment.trackingNumber!;
  if (isTrackingPushed(order, trackingNumber)) return 'already_pushed';
  if (!shop) throw new PermanentJobError(`shop of order ${order.id} not found`);
  if (!order.packageId) return fail(order, 'TikTok has not assigned a package to this order yet', true);
  if (!order.deliveryOptionId) return fail(order, 'The order has no TikTok delivery option to choose a carrier from');

  const api = openShopApi(shop);
  try {
    const { providers, provider } = await findShippingProvider(api, shop.id, order.deliveryOptionId, shipment.provider ?? '');
    if (!provider) {
      const offered = providers.map((p) => p.name).join(', ') || 'none';
      return fail(order, `TikTok offers no carrier matching "${shipment.provider}" for this delivery option (offered: ${offered})`);
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
    await recordTrackingPushes([{ accountId: order.accountId, orderId: order.id, trackingNumber, shippingProvider: provider.name }]);
    return outcome;
  } catch (error) {
    if (error instanceof PermanentJobError) throw error;
    if (isTikTokApiError(error)) {
      switch (error.kind) {
        case 'INVALID_STATUS':
          return fail(order, 'TikTok does not accept shipping for this order yet (still on hold)', true);
        case 'ORDER_CANCELLED':
          return fail(order, 'The order was cancelled on TikTok Shop; tracking was not pushed');
        case 'INVALID_TRACKING':
        case 'DUPLICATE_TRACKING':
        case 'TRACKING_UPDATE_WINDOW_CLOSED':
        case 'NOT_SHIPPED':
        case 'ALREADY_DELIVERED':
        case 'NO_SHIPPING_PROVIDERS':
          return fail(order, `TikTok refused the tracking number: ${error.message}`);
      }
    }
    throw await toShopJobFailure(shop, error);
  }
}

/** The order's push context, or a permanent failure when there is nothing to push. */
async function loadPushContext(input: { accountId: string; orderId: string }) {
  const [context] = await loadPushContexts([input]);
  if (!context) throw new PermanentJobError(`order ${input.orderId} not found in account ${input.accountId}`);
  const { order, shipment, shop } = context;
  if (!shipment?.trackingNumber) {
    throw new PermanentJobError(`order ${order.id} has no purchased shipment with a tracking number`);
  }
  return { order, shipment, shop };
}

/** Records why on the order; `retry` leaves the job to pg-boss's backoff instead of failing it for good. */
async function fail(order: { id: string; accountId: string }, message: string, retry = false): Promise<never> {
  const { orders } = tables;
  await systemDb().update(orders).set({ lastError: message }).where(and(eq(orders.id, order.id), eq(orders.accountId, order.accountId)));
  throw retry ? new Error(message) : new PermanentJobError(message);
}
