import { z } from 'zod';
import { defineJob } from '@/lib/queue/define-job';
import { pushInventoryToTikTok } from '../push-inventory';

/**
 * "This shop's stock changed": enqueued by inventory on every change (singletonKey = shop id). It only
 * schedules a debounced `tiktok.flush-inventory` for the shop, which pushes available quantities of the
 * changed SKUs (inventory/update, every warehouse listed) so TikTok stops selling what we cannot ship.
 */
export const pushInventoryJob = defineJob({
  name: 'tiktok.push-inventory',
  schema: z.object({ accountId: z.uuid(), shopId: z.uuid() }),
  handler: (data, context) => pushInventoryToTikTok(data, context),
  queue: { retryLimit: 10, retryDelaySeconds: 5, retryDelayMaxSeconds: 600, expireInSeconds: 120 },
  work: { localConcurrency: 2, batchSize: 10 },
});
