'use client';

// Browser-side orders: query keys, queries, live invalidation and the status mutations.
export {
  orderKeys,
  filtersFromSearchParams,
  filtersToQueryString,
  type OrderListFilters,
} from './order-keys';
export { useOrders, useOrder } from './use-orders';
export { useLiveOrders } from './use-live-orders';
export {
  useUpdateOrderStatus,
  useBulkUpdateStatus,
  bulkStatusResultSchema,
  type BulkStatusResult,
  type StatusChangeInput,
} from './use-order-mutations';
export { fetchJson, ApiError, describeApiError } from './fetch-json';
