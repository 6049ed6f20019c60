import { z } from 'zod';
import { defineJob } from '@/lib/queue/define-job';
import { buyLabel } from '../buy-label';
import { buyLabels } from '../buy-labels';

/**
 * Buys the order's shipping label, at most once per package (see lib/shipping/buy-label.ts).
 * Enqueued by the workflow when an order has stock and TikTok says AWAITING_SHIPMENT; duplicates
 * are harmless (shipment lock + purchase journal). Express orders carry QUEUE_PRIORITY.express.
 */
export const buyLabelJob = defineJob({
  name: 'shipping.buy-label',
  schema: z.object({ accountId: z.uuid(), orderId: z.uuid() }),
  handler: async (data) => {
    await buyLabel(data);
  },
  // A burst's labels a batch at a time (buy-labels.ts); what leaves its happy path runs alone.
  batchHandler: async (items) => {
    const leftover = new Set((await buyLabels(items.map((item) => item.data))).map((request) => request.orderId));
    return { oneByOne: items.flatMap((item, index) => (leftover.has(item.data.orderId) ? [index] : [])) };
  },
  // Longer than a rate call + a purchase (with its QUEUED polling) + a label download.
  queue: { retryLimit: 15, retryDelaySeconds: 1, retryDelayMaxSeconds: 300, expireInSeconds: 180 },
  // A batch waits mostly on the carrier (rates, purchases, label files, each round side by side),
  // so four run at once; `bench:pipeline --stages` showed labels as the stage a burst queued in.
  work: { localConcurrency: 4, batchSize: 25 },
});
