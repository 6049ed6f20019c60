import { z } from 'zod';
import { defineJob } from '@/lib/queue/define-job';
import { tiktokAppConfig } from '../app-client';
import { reconcileShopOrders } from '../sync/reconcile-shop-orders';

/**
 * The catch-up poll of one shop (pg-boss schedule per shop, every TIKTOK_RECONCILE_INTERVAL_SECONDS),
 * the first sync after connecting (`initial`) and a resync on demand (`full`).
 */
export const reconcileOrdersJob = defineJob({
  name: 'tiktok.reconcile-orders',
  schema: z.object({
    accountId: z.uuid(),
    shopId: z.uuid(),
    mode: z.enum(['incremental', 'initial', 'full']).default('incremental'),
  }),
  handler: async (data) => {
    await reconcileShopOrders(data, { overlapSeconds: tiktokAppConfig().reconcileOverlapSeconds });
  },
  queue: { retryLimit: 5, retryDelaySeconds: 10, retryDelayMaxSeconds: 600, expireInSeconds: 1800 },
  work: { localConcurrency: 2, batchSize: 1, pollingIntervalSeconds: 1 },
});
