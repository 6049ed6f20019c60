// Seller fulfillment (spec §7.2-7.3): Ship Package and Batch Ship Packages with our own tracking, and
// tracking corrections within 72 h. All are recorded as "tracking pushes" in GET /__sandbox/state.
import { z } from 'zod';

import { ApiFailure } from '../http-utils';
import { changeStatus } from '../orders/order-lifecycle';
import type { Sim } from '../sim';
import type { SimOrder, SimShop } from '../types';
import { invalidParam, parseBody } from './params';
import type { ApiContext } from './routes';

const TRACKING_WINDOW_SECONDS = 72 * 3600;
const TRACKING_NUMBER = /^[A-Za-z0-9]{8,40}$/;
const SHIPPED = new Set(['AWAITING_COLLECTION', 'IN_TRANSIT']);

/** The docs name no cap for Batch Ship Packages; 50 is ours, as for Get Order Detail's ids [I]. */
const MAX_PACKAGES_PER_BATCH_SHIP = 50;

const selfShipment = z.object({
  tracking_number: z.string().min(1),
  shipping_provider_id: z.string().min(1),
});
type SelfShipment = z.infer<typeof selfShipment>;
const shipBody = z.object({
  handover_method: z.enum(['PICKUP', 'DROP_OFF']).optional(),
  self_shipment: selfShipment,
});
const batchShipBody = z.object({
  packages: z
    .array(shipBody.extend({ id: z.string().min(1) }))
    .min(1, 'packages must list at least one package')
    .max(MAX_PACKAGES_PER_BATCH_SHIP, `packages accepts at most ${MAX_PACKAGES_PER_BATCH_SHIP} packages`),
});
const shippingInfoBody = z.object({
  tracking_number: z.string().min(1),
  shipping_provider_id: z.string().min(1),
});

/** Checks shared by ship and update: provider allowed for the order's delivery option, number valid and unused. */
function checkTracking(
  sim: Sim,
  shop: SimShop,
  order: SimOrder,
  trackingNumber: string,
  providerId: string,
): string {
  const option = shop.deliveryOptions.find((candidate) => candidate.id === order.deliveryOptionId);
  const providerName = sim.state.shippingProviders.get(providerId);
  if (!providerName || !option?.providerIds.includes(providerId)) {
    throw new ApiFailure(21011022, `Shipping provider ${providerId} is not valid for this package`);
  }
  if (!TRACKING_NUMBER.test(trackingNumber)) throw new ApiFailure(21011022, 'The tracking number is invalid');
  const holder = sim.state.trackingNumbers.get(`${shop.id}|${trackingNumber}`);
  if (holder !== undefined && holder !== order.id)
    throw new ApiFailure(21011025, 'The tracking number is duplicated');
  return providerName;
}

function recordTracking(sim: Sim, order: SimOrder, trackingNumber: string): void {
  if (order.tracking) sim.state.trackingNumbers.delete(`${order.shopId}|${order.tracking.number}`);
  sim.state.trackingNumbers.set(`${order.shopId}|${trackingNumber}`, order.id);
}

/** The shop's order behind a package id; an unknown id (or another shop's) is a parameter error. */
function orderOfPackage(sim: Sim, shop: SimShop, packageId: string): SimOrder {
  const orderId = sim.state.packages.get(packageId);
  const order = orderId ? sim.state.orders.get(orderId) : undefined;
  if (!order || order.shopId !== shop.id) throw invalidParam(`package_id ${packageId} does not exist`);
  return order;
}

/**
 * Ship Package for one package, shared by the single and the batch endpoint: the same checks (each a
 * TikTok code thrown as ApiFailure) and, once they pass, the same effects: tracking on the order, the
 * push recorded with its wall-clock acceptance, the order moved to AWAITING_COLLECTION (type 1 webhook).
 */
function shipOrder(sim: Sim, shop: SimShop, order: SimOrder, shipment: SelfShipment): void {
  if (order.status === 'CANCELLED') throw new ApiFailure(21011041, 'The order has been cancelled');
  if (order.tracking) throw new ApiFailure(21011040, 'The package has already been shipped');
  if (order.status !== 'AWAITING_SHIPMENT') {
    throw new ApiFailure(10007002, `The package cannot be shipped while the order is ${order.status}`);
  }
  const providerName = checkTracking(
    sim,
    shop,
    order,
    shipment.tracking_number,
    shipment.shipping_provider_id,
  );
  const now = sim.clock.nowSeconds();
  recordTracking(sim, order, shipment.tracking_number);
  order.tracking = {
    number: shipment.tracking_number,
    providerId: shipment.shipping_provider_id,
    providerName,
    shippedAt: now,
  };
  sim.state.trackingPushes.push({
    at: now,
    acceptedAtMs: Date.now(),
    kind: 'ship',
    shopId: shop.id,
    orderId: order.id,
    packageId: order.packageId,
    trackingNumber: shipment.tracking_number,
    shippingProviderId: shipment.shipping_provider_id,
  });
  changeStatus(sim, order, 'AWAITING_COLLECTION');
}

export function shipPackage({ sim, shop, params, body }: ApiContext) {
  const order = orderOfPackage(sim, shop!, params[0]!);
  const { self_shipment: shipment } = parseBody(shipBody, body);
  shipOrder(sim, shop!, order, shipment);
  return {};
}

type PackageError = { code: number; message: string; detail: { package_id: string } };

/**
 * Batch Ship Packages: a malformed body refuses the whole request (36009004); otherwise each package goes
 * through Ship Package in the order listed, and the ones refused come back in `data.errors` with HTTP 200
 * and code 0 (spec §4.1). A package listed twice is shipped once and refused as already shipped the second time.
 */
export function shipPackages({ sim, shop, body }: ApiContext) {
  const { packages } = parseBody(batchShipBody, body);
  const errors: PackageError[] = [];
  for (const entry of packages) {
    try {
      shipOrder(sim, shop!, orderOfPackage(sim, shop!, entry.id), entry.self_shipment);
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      errors.push({ code: error.code, message: error.message, detail: { package_id: entry.id } });
    }
  }
  return errors.length > 0 ? { errors } : {};
}

export function updateShippingInfo({ sim, shop, params, body }: ApiContext) {
  const order = sim.state.orders.get(params[0]!);
  if (!order || order.shopId !== shop!.id) throw invalidParam(`order_id ${params[0]} does not exist`);
  const update = parseBody(shippingInfoBody, body);
  if (order.status === 'CANCELLED') throw new ApiFailure(21011041, 'The order has been cancelled');
  if (order.status === 'DELIVERED' || order.status === 'COMPLETED')
    throw new ApiFailure(21011030, 'The package has already been delivered');
  if (!order.tracking || !SHIPPED.has(order.status))
    throw new ApiFailure(21011043, 'The package has not been shipped yet');
  const now = sim.clock.nowSeconds();
  if (now - order.tracking.shippedAt > TRACKING_WINDOW_SECONDS) {
    throw new ApiFailure(21011050, 'Shipping information can only be updated within 72 hours after shipping');
  }
  const providerName = checkTracking(sim, shop!, order, update.tracking_number, update.shipping_provider_id);
  recordTracking(sim, order, update.tracking_number);
  order.tracking = {
    ...order.tracking,
    number: update.tracking_number,
    providerId: update.shipping_provider_id,
    providerName,
  };
  order.updateTime = Math.max(order.updateTime, now);
  sim.state.trackingPushes.push({
    at: now,
    acceptedAtMs: Date.now(),
    kind: 'update',
    shopId: shop!.id,
    orderId: order.id,
    packageId: order.packageId,
    trackingNumber: update.tracking_number,
    shippingProviderId: update.shipping_provider_id,
  });
  return {};
}
