import type { TikTokShippingProvider } from '../schemas';

const normalise = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * TikTok's provider for our carrier's name ("USPS", "FedEx", "DHL eCommerce"): exact after dropping case
 * and punctuation, else the one TikTok provider whose name starts with our first word ("UPS Ground" →
 * "UPS"). Ambiguity or no match is null: guessing a carrier would push a tracking number TikTok rejects
 * or, worse, shows buyers under the wrong carrier.
 */
export function matchShippingProvider(
  providers: readonly TikTokShippingProvider[],
  carrierName: string,
): TikTokShippingProvider | null {
  const wanted = normalise(carrierName);
  if (!wanted) return null;
  const exact = providers.find((provider) => normalise(provider.name) === wanted);
  if (exact) return exact;
  const firstWord = normalise(carrierName.trim().split(/\s+/)[0] ?? '');
  const candidates = providers.filter((provider) => normalise(provider.name.split(/\s+/)[0] ?? '') === firstWord);
  return candidates.length === 1 ? candidates[0]! : null;
}
