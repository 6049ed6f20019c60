import 'server-only';
import type { TikTokShippingProvider } from '../schemas';
import type { TikTokShopApi } from '../shop-api';
import { matchShippingProvider } from './match-shipping-provider';

/**
 * TikTok's carriers per delivery option change rarely, and every tracking push needs them: a shop's
 * list is kept for a few minutes instead of being asked for once per order. A carrier missing from the
 * kept list, or a push that fails, sends the next look-up back to TikTok.
 */
const KEEP_MS = 10 * 60_000;
const MAX_ENTRIES = 5_000;

type Entry = { providers: TikTokShippingProvider[]; fetchedAt: number };
const kept = new Map<string, Entry>();
const keyOf = (shopRowId: string, deliveryOptionId: string) => `${shopRowId}\u0000${deliveryOptionId}`;

async function fetchProviders(api: TikTokShopApi, key: string, deliveryOptionId: string): Promise<TikTokShippingProvider[]> {
  const providers = await api.getShippingProviders(deliveryOptionId);
  if (kept.size >= MAX_ENTRIES) kept.clear();
  kept.set(key, { providers, fetchedAt: Date.now() });
  return providers;
}

/** The shop's carriers for a delivery option and the one matching our carrier's name (null if none does). */
export async function findShippingProvider(
  api: TikTokShopApi,
  shopRowId: string,
  deliveryOptionId: string,
  carrierName: string,
): Promise<{ providers: TikTokShippingProvider[]; provider: TikTokShippingProvider | null }> {
  const key = keyOf(shopRowId, deliveryOptionId);
  const entry = kept.get(key);
  if (entry && Date.now() - entry.fetchedAt < KEEP_MS) {
    const provider = matchShippingProvider(entry.providers, carrierName);
    if (provider) return { providers: entry.providers, provider };
  }
  const providers = await fetchProviders(api, key, deliveryOptionId);
  return { providers, provider: matchShippingProvider(providers, carrierName) };
}

/** Drops the kept list after a push failed, in case TikTok no longer offers the carrier we used. */
export function forgetShippingProviders(shopRowId: string, deliveryOptionId: string): void {
  kept.delete(keyOf(shopRowId, deliveryOptionId));
}
