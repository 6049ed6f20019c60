'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListOrdersResponse, OrderDetail } from '@/lib/orders/queries/types';
import { fetchJson } from './fetch-json';
import { filtersToQueryString, orderKeys, type OrderListFilters } from './order-keys';

/**
 * The orders list for these filters, kept fresh by useLiveOrders. `initialData` is the server's
 * first paint and only applies to the filters it was rendered for; while new filters load, the
 * previous page stays on screen.
 */
export function useOrders(
  filters: OrderListFilters,
  initial?: { filters: OrderListFilters; data: ListOrdersResponse },
) {
  const key = filtersToQueryString(filters);
  const isInitial = initial !== undefined && filtersToQueryString(initial.filters) === key;
  return useQuery({
    queryKey: orderKeys.list(filters),
    queryFn: ({ signal }) => fetchJson<ListOrdersResponse>(`/api/orders${key ? `?${key}` : ''}`, { signal }),
    initialData: isInitial ? initial.data : undefined,
    placeholderData: keepPreviousData,
  });
}

/** One order (GET /api/orders/{id}), starting from the server-rendered detail. */
export function useOrder(id: string, initialData?: OrderDetail) {
  return useQuery({
    queryKey: orderKeys.detail(id),
    queryFn: async ({ signal }) =>
      (await fetchJson<{ order: OrderDetail }>(`/api/orders/${id}`, { signal })).order,
    initialData,
  });
}
