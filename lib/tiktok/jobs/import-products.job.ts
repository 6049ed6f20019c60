import { z } from 'zod';
import { enqueue } from '@/lib/queue';
import { defineJob } from '@/lib/queue/define-job';
import { importShopProducts } from '../sync/import-shop-products';

/**
 * Imports a shop's products and SKUs: the whole catalog on connect and resync (`full`), otherwise what
 * pending product webhooks asked for. `thenSyncOrders` runs the first order sync after the catalog is
 * in, so the first orders already link to their SKUs.
 */
export const importProductsJob = defineJob({
  name: 'tiktok.import-products',
  schema: z.object({
    accountId: z.uuid(),
    shopId: z.uuid(),
    full: z.boolean().optional(),
    thenSyncOrders: z.enum(['initial', 'full']).optional(),
  }),
  handler: async (data) => {
    const result = await importShopProducts({ accountId: data.accountId, shopId: data.shopId, full: data.full });
    if (data.thenSyncOrders && !result.skipped) {
      await enqueue('tiktok.reconcile-orders', { accountId: data.accountId, shopId: data.shopId, mode: data.thenSyncOrders });
    }
  },
  queue: { retryLimit: 8, retryDelaySeconds: 5, retryDelayMaxSeconds: 600, expireInSeconds: 900 },
  work: { localConcurrency: 2, batchSize: 1, pollingIntervalSeconds: 1 },
});
