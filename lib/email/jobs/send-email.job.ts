import { trackJobError } from '@/lib/analytics/server';
import { defineJob, PermanentJobError } from '@/lib/queue/define-job';
import { queuedEmailSchema } from '../schemas';
import { sendQueuedEmail, sendQueuedEmails } from '../send-queued-email';

const JOB_NAME = 'email.send-email';

/**
 * Renders one email and delivers it (Resend when configured, the outbox table otherwise). The
 * only place emails are sent from. `idempotencyKey` (e.g. `order-shipped:<orderId>`) makes a
 * second run a no-op, so a retried or duplicated job never sends twice. Enqueue it through the
 * helpers in lib/email (enqueueOrderShippedEmail, …), inside the caller's transaction.
 */
export const sendEmailJob = defineJob({
  name: JOB_NAME,
  schema: queuedEmailSchema,
  handler: async (data, context) => {
    try {
      await sendQueuedEmail(data);
    } catch (error) {
      trackJobError({
        job: JOB_NAME,
        error,
        retryable: !(error instanceof PermanentJobError),
        attempt: context.retryCount + 1,
        accountId: data.accountId,
      });
      throw error;
    }
  },
  // A burst of shipped orders' emails is recorded a batch per transaction (sendQueuedEmails). What
  // needs its own result (a bad payload, a Resend delivery) comes back to run alone through
  // `handler`, which also reports its errors; a batch that throws runs every job that way.
  batchHandler: async (items) => {
    const outcomes = await sendQueuedEmails(items.map((item) => item.data));
    return { oneByOne: outcomes.flatMap((outcome, index) => (outcome === 'one_by_one' ? [index] : [])) };
  },
  // An email can wait a second; a label or a tracking push should not. So new emails wake no worker:
  // each polls every second and takes what gathered, as one batch (fetching again at once while
  // batches come back full). In a burst that is 50 emails per fetch and per transaction, where a
  // wake per shipped batch took a handful. Each email of a batch is rendered inside its transaction:
  // 50 keeps that to about 50 ms.
  queue: { retryLimit: 8, retryDelaySeconds: 10, retryDelayMaxSeconds: 1800, expireInSeconds: 60, notify: false },
  work: { localConcurrency: 2, batchSize: 50, pollingIntervalSeconds: 1 },
});
