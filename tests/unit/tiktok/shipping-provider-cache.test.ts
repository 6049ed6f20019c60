import { findShippingProvider, forgetShippingProviders } from '@/lib/tiktok/sync/shipping-provider-cache';
import type { TikTokShippingProvider } from '@/lib/tiktok/schemas';
import type { TikTokShopApi } from '@/lib/tiktok/shop-api';

/** TikTok's side of the look-up: a shop whose carrier list the test changes, counting how often it is asked. */
function tiktok(initial: TikTokShippingProvider[]) {
  const state = { providers: initial, calls: 0 };
  const api = {
    getShippingProviders: async () => {
      state.calls += 1;
      return state.providers;
    },
  } as unknown as TikTokShopApi;
  return { state, api };
}

const usps = { id: 'p-usps', name: 'USPS' } as TikTokShippingProvider;
const ups = { id: 'p-ups', name: 'UPS' } as TikTokShippingProvider;

test('a delivery option’s carriers are asked for once, then reused for the next pushes', async () => {
  const { state, api } = tiktok([usps, ups]);
  const first = await findShippingProvider(api, 'shop-a', 'opt-1', 'USPS');
  const second = await findShippingProvider(api, 'shop-a', 'opt-1', 'UPS');
  expect(first.provider?.id).toBe('p-usps');
  expect(second.provider?.id).toBe('p-ups');
  expect(state.calls).toBe(1);
  // Another shop or delivery option is its own list.
  await findShippingProvider(api, 'shop-b', 'opt-1', 'USPS');
  await findShippingProvider(api, 'shop-a', 'opt-2', 'USPS');
  expect(state.calls).toBe(3);
});

test('a carrier missing from the kept list is looked up again before it counts as not offered', async () => {
  const { state, api } = tiktok([usps]);
  await findShippingProvider(api, 'shop-c', 'opt-1', 'USPS');
  state.providers = [usps, ups];
  expect((await findShippingProvider(api, 'shop-c', 'opt-1', 'UPS')).provider?.id).toBe('p-ups');
  const missing = await findShippingProvider(api, 'shop-c', 'opt-1', 'Carrier Pigeon');
  expect(missing.provider).toBeNull();
  expect(missing.providers.map((p) => p.name)).toEqual(['USPS', 'UPS']);
  expect(state.calls).toBe(3);
});

test('after a failed push the list is asked for again', async () => {
  const { state, api } = tiktok([usps]);
  await findShippingProvider(api, 'shop-d', 'opt-1', 'USPS');
  forgetShippingProviders('shop-d', 'opt-1');
  state.providers = [{ id: 'p-usps-2', name: 'USPS' } as TikTokShippingProvider];
  expect((await findShippingProvider(api, 'shop-d', 'opt-1', 'USPS')).provider?.id).toBe('p-usps-2');
  expect(state.calls).toBe(2);
});
