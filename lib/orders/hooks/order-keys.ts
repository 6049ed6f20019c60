/**
 * React Query keys for orders, from one factory so that the live-update hook can invalidate exactly
 * what a change touches: `orderKeys.lists()` for every list under any filters, `orderKeys.detail(id)`
 * for one order. A plain module (no 'use client'): server pages build the first key with it too.
 */
export type OrderListFilters = Record<string, string | string[]>;

export const orderKeys = {
  all: ['orders'] as const,
  lists: () => [...orderKeys.all, 'list'] as const,
  list: (filters: OrderListFilters) => [...orderKeys.lists(), filters] as const,
  details: () => [...orderKeys.all, 'detail'] as const,
  detail: (id: string) => [...orderKeys.details(), id] as const,
};

/** The list filters as they appear in the URL, keys sorted, empty values dropped: a stable query key. */
export function filtersFromSearchParams(params: {
  forEach(fn: (value: string, key: string) => void): void;
}): OrderListFilters {
  const gathered = new Map<string, string[]>();
  params.forEach((value, key) => {
    if (value.trim() === '') return;
    gathered.set(key, [...(gathered.get(key) ?? []), value]);
  });
  return Object.fromEntries(
    [...gathered.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, values]) => [key, values.length === 1 ? values[0]! : values]),
  );
}

export function filtersToQueryString(filters: OrderListFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters))
    for (const one of Array.isArray(value) ? value : [value]) params.append(key, one);
  return params.toString();
}
