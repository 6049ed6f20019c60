import { z } from 'zod';
import { defineJob } from '@/lib/queue/define-job';
import { retryBackorders } from '../retry-backorders';

/**
 * Stock of a SKU went up (a stock-in, a cancelled order's release): its backordered orders try
 * again, oldest first. Enqueued debounced per SKU, so a burst of adjustments runs it once.
 */
export const retryBackordersJob = defineJob({
  name: 'orders.retry-backorders',
  schema: z.object({ accountId: z.uuid(), skuId: z.uuid() }),
  handler: async (data) => {
    await retryBackorders(data);
  },
  queue: { retryLimit: 5, retryDelaySeconds: 2, retryDelayMaxSeconds: 60, expireInSeconds: 300 },
  work: { localConcurrency: 2, batchSize: 1 },
});
