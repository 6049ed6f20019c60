import { z } from 'zod';
import { defineJob } from '@/lib/queue/define-job';
import { processTrackingEvent } from '../tracking/process-tracking';

/** Applies one stored carrier webhook (tracking scans; purchase hints). Idempotent; replayable. */
export const processTrackingJob = defineJob({
  name: 'shipping.process-tracking',
  schema: z.object({ webhookEventId: z.uuid() }),
  handler: (data) => processTrackingEvent(data),
  queue: { retryLimit: 12, retryDelaySeconds: 2, retryDelayMaxSeconds: 300, expireInSeconds: 60 },
  work: { localConcurrency: 2, batchSize: 8 },
});
