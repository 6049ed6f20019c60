'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ShopSummary } from '../shops/list-shops';

/** Query keys of the shops panel (React Query). */
export const shopKeys = {
  all: ['shops'] as const,
  list: () => [...shopKeys.all, 'list'] as const,
};

async function readJson<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as T & { error?: { message?: string } };
  if (!response.ok) throw new Error(body.error?.message ?? `Request failed (${response.status})`);
  return body;
}

/** The account's shops, first painted by the server, then refreshed every 15 s (sync and webhook health move). */
export function useShops(initialShops: ShopSummary[]) {
  return useQuery({
    queryKey: shopKeys.list(),
    queryFn: async () => (await readJson<{ shops: ShopSummary[] }>(await fetch('/api/shops', { cache: 'no-store' }))).shops,
    initialData: initialShops,
    refetchInterval: 15_000,
  });
}

/** Disconnect or resync one shop; the list refreshes afterwards. */
export function useShopAction(action: 'disconnect' | 'resync') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (shopId: string) =>
      readJson<{ shop: { id: string; name: string } }>(await fetch(`/api/shops/${shopId}/${action}`, { method: 'POST' })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: shopKeys.all }),
  });
}
