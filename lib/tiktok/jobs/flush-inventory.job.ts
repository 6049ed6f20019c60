import { z } from 'zod';
import { defineJob } from '@/lib/queue/define-job';
import { flushShopInventory } from '../sync/flush-shop-inventory';

/**
 * Pushes a shop's changed available quantities to TikTok (debounced by tiktok.push-inventory). Reads
 * stock when it runs, so a retry pushes the newest numbers; one runs per shop at a time.
 */
export const flushInventoryJob = defineJob({
  name: 'tiktok.flush-inventory',
  schema: z.object({ accountId: z.uuid(), shopId: z.uuid() }),
  handler: async (data) => {
    await flushShopInventory({ accountId: data.accountId, shopId: data.shopId });
  },
  queue: { retryLimit: 12, retryDelaySeconds: 3, retryDelayMaxSeconds: 600, expireInSeconds: 300 },
  work: { localConcurrency: 2, batchSize: 1 },
});
