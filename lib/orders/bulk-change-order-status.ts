import 'server-only';
import { randomUUID } from 'node:crypto';
import { isAppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { changeOrderStatus, type OrderStatusContext } from './change-order-status';
import type { BulkChangeOrderStatusInput } from './schemas';

export type BulkChangeResult = {
  success: boolean;
  processed: number;
  failed: number;
  batch_id: string;
  errors?: { order_id: string; error: string }[];
};

/**
 * POST /api/orders/bulk/status: the same manual change for many orders, each in its own
 * transaction (one refused order does not undo the others), `batchSize` at a time.
 */
export async function bulkChangeOrderStatus(context: OrderStatusContext, input: BulkChangeOrderStatusInput): Promise<BulkChangeResult> {
  const batchId = randomUUID();
  const errors: { order_id: string; error: string }[] = [];
  let processed = 0;
  for (let start = 0; start < input.orderIds.length; start += input.batchSize) {
    const batch = input.orderIds.slice(start, start + input.batchSize);
    const outcomes = await Promise.allSettled(batch.map((orderId) => changeOrderStatus(context, orderId, input.change)));
    outcomes.forEach((outcome, index) => {
      if (outcome.status === 'fulfilled') {
        processed += 1;
        return;
      }
      const error = outcome.reason as unknown;
      if (!isAppError(error)) logger.error({ err: error, orderId: batch[index], batchId }, 'bulk status change failed');
      errors.push({ order_id: batch[index]!, error: isAppError(error) ? error.message : 'Something went wrong' });
    });
  }
  return { success: errors.length === 0, processed, failed: errors.length, batch_id: batchId, ...(errors.length > 0 ? { errors } : {}) };
}
