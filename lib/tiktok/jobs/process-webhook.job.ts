import { z } from 'zod';
import { defineJob } from '@/lib/queue/define-job';
import { processTikTokWebhookEvent } from '../webhooks/process-webhook-event';

/**
 * One stored TikTok webhook → its effect, for events set back to pending by the admin replay. Live
 * events are applied by POST /api/webhooks/tiktok
 * in the transaction that stores them. Fast: order and product topics only record what to fetch.
 */
export const processWebhookJob = defineJob({
  name: 'tiktok.process-webhook',
  schema: z.object({ eventId: z.uuid() }),
  handler: async (data) => {
    await processTikTokWebhookEvent(data.eventId);
  },
  queue: { retryLimit: 10, retryDelaySeconds: 2, retryDelayMaxSeconds: 300, expireInSeconds: 60 },
  work: { localConcurrency: 2, batchSize: 16 },
});
