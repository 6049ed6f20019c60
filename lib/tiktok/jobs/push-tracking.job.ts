import { z } from 'zod';
import { defineJob } from '@/lib/queue/define-job';
import { pushTrackingToTikTok } from '../push-tracking';
import { pushTrackingBatchToTikTok } from '../push-tracking-batch';

/**
 * Tells TikTok Shop an order's package has shipped (Ship Package with our tracking number and the
 * mapped shipping provider). Retried until TikTok accepts; "already shipped with this tracking"
 * counts as accepted, so a retry never ships twice.
 */
export const pushTrackingJob = defineJob({
  name: 'tiktok.push-tracking',
  schema: z.object({ accountId: z.uuid(), orderId: z.uuid() }),
  handler: async (data, context) => {
    await pushTrackingToTikTok(data, context);
  },
  // A fetch's orders in one Batch Ship Packages call per shop (push-tracking-batch.ts); whatever leaves
  // its happy path runs alone through the handler above.
  batchHandler: async (items) => ({
    oneByOne: await pushTrackingBatchToTikTok(items.map((item) => item.data)),
  }),
  queue: { retryLimit: 20, retryDelaySeconds: 2, retryDelayMaxSeconds: 600, expireInSeconds: 60 },
  work: { localConcurrency: 2, batchSize: 25 },
});
