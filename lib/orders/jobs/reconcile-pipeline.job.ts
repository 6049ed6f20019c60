import { z } from 'zod';
import { defineJob } from '@/lib/queue/define-job';
import { reconcilePipeline } from '../reconcile-pipeline';

/** Orders untouched this long while they could move are picked up again. */
export const RECONCILE_STALE_AFTER_MS = 2 * 60_000;

/** The pipeline's safety net, scheduled every minute (schedulePipelineMaintenance). */
export const reconcilePipelineJob = defineJob({
  name: 'orders.reconcile-pipeline',
  schema: z.object({ staleAfterMs: z.number().int().min(0).optional() }).default({}),
  handler: async (data) => {
    await reconcilePipeline({ staleAfterMs: data.staleAfterMs ?? RECONCILE_STALE_AFTER_MS });
  },
  queue: { retryLimit: 1, retryDelaySeconds: 10, retryDelayMaxSeconds: 60, expireInSeconds: 120 },
  work: { localConcurrency: 1, batchSize: 1, pollingIntervalSeconds: 5 },
});
