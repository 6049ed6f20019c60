'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { throttle, useLiveChanges, type LiveHandler } from '@/lib/realtime/client';
import { orderKeys } from './order-keys';

/**
 * Keeps every orders query of the current account live: a change to an order refetches the lists
 * (at most once a second during a burst) and that order's detail; a shipment change or a `resync`
 * refetches all order queries. In-flight fetches are not cancelled, so a steady stream of changes
 * cannot starve the list of ever finishing a fetch.
 */
export function useLiveOrders(accountId: string) {
  const queryClient = useQueryClient();
  const lists = useMemo(
    () =>
      throttle(
        () => void queryClient.invalidateQueries({ queryKey: orderKeys.lists() }, { cancelRefetch: false }),
        1000,
      ),
    [queryClient],
  );
  useEffect(() => () => lists.cancel(), [lists]);

  const handler: LiveHandler = (event) => {
    if (event.type === 'resync')
      return void queryClient.invalidateQueries({ queryKey: orderKeys.all }, { cancelRefetch: false });
    lists.run();
    for (const change of event.changes) {
      if (change.table === 'orders' && !change.partial) {
        for (const id of change.ids)
          void queryClient.invalidateQueries({ queryKey: orderKeys.detail(id) }, { cancelRefetch: false });
      } else {
        void queryClient.invalidateQueries({ queryKey: orderKeys.details() }, { cancelRefetch: false });
      }
    }
  };
  return useLiveChanges(accountId, ['orders', 'shipments'], handler);
}
