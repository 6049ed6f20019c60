'use client';

import { AlertTriangle, Package, SearchX } from 'lucide-react';
import { useSearchParams } from 'next/navigation';
import { useEffect } from 'react';
import { EmptyState } from '@/components/shared/empty-state';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { formatInteger, formatMoney } from '@/components/ui/format';
import { Skeleton } from '@/components/ui/skeleton';
import {
  describeApiError,
  filtersFromSearchParams,
  filtersToQueryString,
  useLiveOrders,
  useOrders,
  type OrderListFilters,
} from '@/lib/orders/hooks';
import type { ListOrdersResponse } from '@/lib/orders/queries/types';
import { useOrderSelection } from '@/lib/orders/store';
import { LiveIndicator } from '@/lib/realtime/client';
import { BulkActionBar } from './bulk-action-bar';
import { OrderFilters } from './order-filters';
import { OrdersTable } from './orders-table';
import { Pagination } from './pagination';

/**
 * The live orders list. The server renders the first page (initial); from then on React Query
 * owns it, keyed by the URL's filters, and useLiveOrders refetches it when orders change.
 */
export function OrdersView({
  accountId,
  initial,
  canUpdate,
}: {
  accountId: string;
  initial: { filters: OrderListFilters; data: ListOrdersResponse };
  canUpdate: boolean;
}) {
  const params = useSearchParams();
  const filters = filtersFromSearchParams(params);
  const filterKey = filtersToQueryString({ ...filters, page: '' });
  const query = useOrders(filters, initial);
  const status = useLiveOrders(accountId);
  const clearSelection = useOrderSelection((state) => state.clear);

  // A bulk action must only ever touch rows the user can see: new filters, new selection.
  useEffect(() => clearSelection(), [filterKey, clearSelection]);

  const data = query.data;
  const hasFilters = Object.keys(filters).some((key) => !['page', 'sort_by', 'sort_order'].includes(key));

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {data
            ? `${formatInteger(data.summary.total_orders)} orders · ${formatMoney(Math.round(data.summary.total_amount * 100))}`
            : 'Loading…'}
          {query.isFetching && !query.isLoading ? ' · updating…' : ''}
        </p>
        <LiveIndicator status={status} />
      </div>
      <OrderFilters breakdown={data?.summary.status_breakdown ?? null} />

      {query.isError && !data ? (
        <Alert variant="destructive">
          <AlertTriangle aria-hidden />
          <AlertTitle>Orders could not be loaded</AlertTitle>
          <AlertDescription>
            {describeApiError(query.error)}
            <Button variant="outline" size="sm" onClick={() => query.refetch()}>
              Try again
            </Button>
          </AlertDescription>
        </Alert>
      ) : !data ? (
        <div className="space-y-2" aria-busy="true" aria-label="Loading orders">
          {Array.from({ length: 8 }, (_, index) => (
            <Skeleton key={index} className="h-12 w-full" />
          ))}
        </div>
      ) : data.orders.length === 0 ? (
        hasFilters ? (
          <EmptyState
            icon={SearchX}
            title="No orders match these filters"
            description="Try another status tab, widen the date range or clear the search."
          />
        ) : (
          <EmptyState
            icon={Package}
            title="No orders yet"
            description="Connect your TikTok Shop in Settings. New orders appear here within seconds, already prioritised."
          />
        )
      ) : (
        <>
          {query.isError ? (
            <Alert variant="warning">
              <AlertTitle>Showing the last orders we loaded</AlertTitle>
              <AlertDescription>{describeApiError(query.error)}</AlertDescription>
            </Alert>
          ) : null}
          <OrdersTable orders={data.orders} />
          <Pagination
            page={data.pagination.page}
            totalPages={data.pagination.total_pages}
            total={data.pagination.total}
            limit={data.pagination.limit}
          />
        </>
      )}
      <BulkActionBar
        canUpdate={canUpdate}
        orderLabels={Object.fromEntries(
          (data?.orders ?? []).map((order) => [order.id, order.tiktok_order_id]),
        )}
      />
    </div>
  );
}
