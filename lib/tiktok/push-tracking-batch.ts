import 'server-only';
import { logger } from '@/lib/logger';
import { MAX_PACKAGES_PER_SHIP_CALL } from './constants';
import type { TikTokShippingProvider } from './schemas';
import type { ShipPackageResult, TikTokShopApi } from './shop-api';
import { openShopApi } from './shops/open-shop-api';
import { isTrackingPushed, loadPushContexts, type PushContext, type PushRef } from './sync/load-push-contexts';
import { recordTrackingPushes, type TrackingPushRecord } from './sync/record-tracking-pushes';
import { findShippingProvider, forgetShippingProviders } from './sync/shipping-provider-cache';

type ShopRow = NonNullable<PushContext['shop']>;
type Candidate = { index: number; order: PushContext['order']; packageId: string; deliveryOptionId: string; trackingNumber: string; carrier: string };

const refKey = (ref: PushRef) => `${ref.accountId}|${ref.orderId}`;

/**
 * The batch path of `tiktok.push-tracking`: the orders a worker fetched together, pushed the way
 * pushTrackingToTikTok pushes one, with one read for all of them, one Batch Ship Packages call per shop
 * (≤ MAX_PACKAGES_PER_SHIP_CALL packages each), and one UPDATE for every order TikTok took.
 *
 * Only the happy path is taken here. An order already pushed with this tracking number is done. Every
 * other outcome goes back to the single path, which has the exact rules for it: the indexes returned
 * are the requests to run through pushTrackingToTikTok one by one. That covers an order that is missing
 * or has nothing to push, no package or delivery option yet, no matching TikTok carrier, a package
 * TikTok refused (already shipped: the correction check; on hold: a retry; anything else: the reason on
 * the order), and every package of a call that failed as a whole (network, 5xx, 429, auth), since
 * nothing is known about them. Handing back re-sends only what TikTok did not take, and a replay of a
 * package it did take is answered ALREADY_SHIPPED, which the single path counts as done, so no order
 * is pushed twice and none is left without a job that settles it.
 *
 * A second job for an order already in the batch is settled with the first one (its push, or the
 * single path's run of the first job).
 */
export async function pushTrackingBatchToTikTok(requests: readonly PushRef[]): Promise<number[]> {
  const handBack = new Set<number>();
  const contexts = new Map((await loadPushContexts(requests)).map((context) => [refKey({ accountId: context.order.accountId, orderId: context.order.id }), context]));
  const seen = new Set<string>();
  const packages = new Set<string>();
  const byShop = new Map<string, { shop: ShopRow; candidates: Candidate[] }>();
  for (const [index, request] of requests.entries()) {
    if (seen.has(refKey(request))) continue;
    seen.add(refKey(request));
    const context = contexts.get(refKey(request));
    const trackingNumber = context?.shipment?.trackingNumber;
    if (!context || !trackingNumber) {
      handBack.add(index);
      continue;
    }
    const { order, shipment, shop } = context;
    if (isTrackingPushed(order, trackingNumber)) continue;
    // One package per call entry: orders TikTok combined into one package go on alone.
    const packageKey = `${shop?.id}|${order.packageId}`;
    if (!shop || !order.packageId || !order.deliveryOptionId || packages.has(packageKey)) {
      handBack.add(index);
      continue;
    }
    packages.add(packageKey);
    const group = byShop.get(shop.id) ?? { shop, candidates: [] };
    group.candidates.push({ index, order, packageId: order.packageId, deliveryOptionId: order.deliveryOptionId, trackingNumber, carrier: shipment?.provider ?? '' });
    byShop.set(shop.id, group);
  }

  const accepted: TrackingPushRecord[] = [];
  await Promise.all([...byShop.values()].map(({ shop, candidates }) => pushShopPackages(shop, candidates, accepted, handBack)));
  await recordTrackingPushes(accepted);
  return [...handBack].sort((a, b) => a - b);
}

/** One shop's packages: carriers resolved (cached), then Batch Ship Packages a chunk at a time. */
async function pushShopPackages(shop: ShopRow, candidates: readonly Candidate[], accepted: TrackingPushRecord[], handBack: Set<number>): Promise<void> {
  const api = openShopApi(shop);
  const ready = await resolveProviders(api, shop, candidates, handBack);
  for (let start = 0; start < ready.length; start += MAX_PACKAGES_PER_SHIP_CALL) {
    const chunk = ready.slice(start, start + MAX_PACKAGES_PER_SHIP_CALL);
    let results: ShipPackageResult[];
    try {
      results = await api.shipPackages(chunk.map(({ candidate, provider }) => ({ packageId: candidate.packageId, trackingNumber: candidate.trackingNumber, shippingProviderId: provider.id })));
    } catch (error) {
      // The request as a whole failed: every order still waiting in this shop goes on alone, where each
      // job retries (or fails) as its own Ship Package call would.
      logger.info({ shopId: shop.id, packages: ready.length - start, err: error }, 'batch ship failed; its orders go on alone');
      for (const { candidate } of ready.slice(start)) handBack.add(candidate.index);
      return;
    }
    for (const [n, result] of results.entries()) {
      const { candidate, provider } = chunk[n]!;
      if (result.ok) {
        accepted.push({ accountId: candidate.order.accountId, orderId: candidate.order.id, trackingNumber: candidate.trackingNumber, shippingProvider: provider.name });
        continue;
      }
      // As in the single path: a refused push asks TikTok for the carriers again next time.
      if (result.error.kind !== 'ALREADY_SHIPPED') forgetShippingProviders(shop.id, candidate.deliveryOptionId);
      handBack.add(candidate.index);
    }
  }
}

/** TikTok's carrier for each order, looked up once per delivery option and carrier name (and kept for minutes). */
async function resolveProviders(api: TikTokShopApi, shop: ShopRow, candidates: readonly Candidate[], handBack: Set<number>) {
  const lookups = new Map<string, Promise<TikTokShippingProvider | null>>();
  const ready: { candidate: Candidate; provider: TikTokShippingProvider }[] = [];
  for (const candidate of candidates) {
    const key = `${candidate.deliveryOptionId}|${candidate.carrier}`;
    let lookup = lookups.get(key);
    if (!lookup) {
      lookup = findShippingProvider(api, shop.id, candidate.deliveryOptionId, candidate.carrier).then((found) => found.provider);
      lookups.set(key, lookup);
    }
    try {
      const provider = await lookup;
      if (provider) ready.push({ candidate, provider });
      else handBack.add(candidate.index);
    } catch (error) {
      logger.info({ shopId: shop.id, orderId: candidate.order.id, err: error }, 'carrier look-up failed in a push batch; the order goes on alone');
      handBack.add(candidate.index);
    }
  }
  return ready;
}
