import type { z } from 'zod';
import { syncSubscriptionJob } from '@/lib/billing/jobs/sync-subscription.job';
import { sendEmailJob } from '@/lib/email/jobs/send-email.job';
import { advanceOrderJob } from '@/lib/orders/jobs/advance-order.job';
import { reconcilePipelineJob } from '@/lib/orders/jobs/reconcile-pipeline.job';
import { retryBackordersJob } from '@/lib/orders/jobs/retry-backorders.job';
import { buyLabelJob } from '@/lib/shipping/jobs/buy-label.job';
import { processTrackingJob } from '@/lib/shipping/jobs/process-tracking.job';
import { voidLabelJob } from '@/lib/shipping/jobs/void-label.job';
import { flushInventoryJob } from '@/lib/tiktok/jobs/flush-inventory.job';
import { importProductsJob } from '@/lib/tiktok/jobs/import-products.job';
import { processWebhookJob } from '@/lib/tiktok/jobs/process-webhook.job';
import { pushInventoryJob } from '@/lib/tiktok/jobs/push-inventory.job';
import { pushTrackingJob } from '@/lib/tiktok/jobs/push-tracking.job';
import { reconcileOrdersJob } from '@/lib/tiktok/jobs/reconcile-orders.job';
import { syncOrdersJob } from '@/lib/tiktok/jobs/sync-orders.job';
import type { JobDefinition } from './define-job';

/**
 * Every job in the system, in one list. Add a job here and the runtime creates its queue (with
 * its retry and dead-letter policy) and starts a worker for it; `enqueue` becomes typed for it.
 */
export const jobRegistry = [
  // orders
  advanceOrderJob,
  retryBackordersJob,
  reconcilePipelineJob,
  // shipping
  buyLabelJob,
  voidLabelJob,
  processTrackingJob,
  // tiktok
  pushTrackingJob,
  pushInventoryJob,
  processWebhookJob,
  syncOrdersJob,
  reconcileOrdersJob,
  importProductsJob,
  flushInventoryJob,
  // email
  sendEmailJob,
  // billing
  syncSubscriptionJob,
] as const satisfies readonly JobDefinition[];

type Registered = (typeof jobRegistry)[number];
export type JobName = Registered['name'];
export type JobPayload<N extends JobName> = z.input<Extract<Registered, { name: N }>['schema']>;

export const deadLetterQueueName = (name: string): string => `${name}.dead`;
