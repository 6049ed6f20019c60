import { z } from 'zod';
import { defineJob } from '@/lib/queue/define-job';
import { advanceOrder, advanceOrders } from '../advance-order';

/**
 * The workflow's engine: looks at an order as it is now and takes it as far as it can go
 * (validate → reserve stock → once TikTok says AWAITING_SHIPMENT, buy the label → push tracking),
 * or unwinds it on cancellation. Enqueued by ingestion whenever an order is new or TikTok changed
 * it, and by the workflow itself. Idempotent: running it twice moves nothing twice.
 */
export const advanceOrderJob = defineJob({
  name: 'orders.advance-order',
  schema: z.object({ accountId: z.uuid(), orderId: z.uuid(), reason: z.string().max(200).optional() }),
  handler: (data, context) => advanceOrder(data, context),
  // A burst's orders go through the workflow a batch at a time, in one transaction (set-based).
  batchHandler: (items) => advanceOrders(items.map((item) => item.data)),
  queue: { retryLimit: 10, retryDelaySeconds: 1, retryDelayMaxSeconds: 120, expireInSeconds: 120 },
  // Four batches side by side: each holds a viral SKU's stock row only for its reservation step
  // (advanceOrders commits right after it), so the others validate, ask for labels or ship meanwhile.
  work: { localConcurrency: 4, batchSize: 50 },
});
