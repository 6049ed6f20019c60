import { z } from 'zod';
import { defineJob } from '@/lib/queue/define-job';
import { voidLabel } from '../void-label';

/** Refunds the label of an order cancelled before it shipped (see lib/shipping/void-label.ts). */
export const voidLabelJob = defineJob({
  name: 'shipping.void-label',
  schema: z.object({ accountId: z.uuid(), shipmentId: z.uuid() }),
  handler: async (data) => {
    await voidLabel(data);
  },
  queue: { retryLimit: 15, retryDelaySeconds: 2, retryDelayMaxSeconds: 600, expireInSeconds: 120 },
  work: { localConcurrency: 2, batchSize: 1 },
});
