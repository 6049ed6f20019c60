import { z } from 'zod';
import { defineJob } from '@/lib/queue/define-job';
import { syncRequestedOrders } from '../sync/sync-requested-orders';

/**
 * Drains a shop's "order changed" requests, ≤ 50 ids per Get Order Detail call, and upserts the orders.
 * Enqueued debounced per shop (about one per second), so a burst of webhooks becomes few API calls.
 */
export const syncOrdersJob = defineJob({
  name: 'tiktok.sync-orders',
  schema: z.object({ accountId: z.uuid(), shopId: z.uuid() }),
  handler: async (data) => {
    await syncRequestedOrders({ accountId: data.accountId, shopId: data.shopId });
  },
  queue: { retryLimit: 20, retryDelaySeconds: 2, retryDelayMaxSeconds: 300, expireInSeconds: 600 },
  work: { localConcurrency: 2, batchSize: 1, pollingIntervalSeconds: 0.5 },
});
