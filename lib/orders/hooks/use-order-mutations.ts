'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { fetchJson } from './fetch-json';
import { orderKeys } from './order-keys';

/** A manual change: a target `status` (the public contract) or an `action` (hold, release). */
export type StatusChangeInput = ({ status: string } | { action: string }) & { reason?: string };

/**
 * The answer of POST /api/orders/bulk/status (built by the pipeline): how many orders moved and,
 * per order, why the others did not. Parsed leniently: unknown fields are ignored.
 */
export const bulkStatusResultSchema = z.object({
  success: z.boolean().optional(),
  processed: z.number().int().nonnegative().default(0),
  failed: z.number().int().nonnegative().default(0),
  batch_id: z.string().optional(),
  errors: z.array(z.object({ order_id: z.string(), error: z.string() })).default([]),
});
export type BulkStatusResult = z.infer<typeof bulkStatusResultSchema>;

/** POST /api/orders/{id}/status: a manual status change with a reason, recorded in the history. */
export function useUpdateOrderStatus(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: StatusChangeInput) =>
      fetchJson<unknown>(`/api/orders/${orderId}/status`, { method: 'POST', body: JSON.stringify(input) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: orderKeys.all }),
  });
}

/** POST /api/orders/bulk/status for the selected orders; per-order failures come back in `errors`. */
export function useBulkUpdateStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: StatusChangeInput & { order_ids: string[] }) =>
      bulkStatusResultSchema.parse(
        await fetchJson<unknown>('/api/orders/bulk/status', { method: 'POST', body: JSON.stringify(input) }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: orderKeys.all }),
  });
}
