import 'server-only';
import type { PgBoss } from 'pg-boss';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import type { RetryJobInput } from './schemas';

/** What our runtime files in `<name>.dead` for a PermanentJobError (lib/queue/runtime.ts). */
const permanentFailureSchema = z.object({
  originalJobId: z.string(),
  data: z.record(z.string(), z.unknown()),
  error: z.string(),
});

export type RetryOutcome = { retried: 'redriven' | 'resent' | 'retried'; queue: string };

/**
 * Ops only (the route checks): gives a failed job another go.
 * - a dead letter pg-boss moved after the retries ran out is redriven to its source queue
 *   (pg-boss redrive(): a new job with the original payload and the queue's current policy);
 * - a PermanentJobError filed by our runtime carries the original payload in `data`: it is sent to
 *   the source queue again and the dead letter deleted (handlers are idempotent, so a crash
 *   between the two at worst runs the job twice);
 * - a failed job of a queue without a dead-letter queue is retried in place (pg-boss retry()).
 */
export async function unsafeRetryJob(boss: PgBoss, input: RetryJobInput): Promise<RetryOutcome> {
  const [job] = await boss.findJobs(input.queue, { id: input.id });
  if (!job) throw new AppError('NOT_FOUND', 'Job not found');

  if (!input.queue.endsWith('.dead')) {
    if (job.state !== 'failed')
      throw new AppError('CONFLICT', `Only failed jobs can be retried (this one is ${job.state})`);
    await boss.retry(input.queue, input.id);
    return { retried: 'retried', queue: input.queue };
  }

  if (job.state !== 'created' && job.state !== 'retry')
    throw new AppError('CONFLICT', `This dead letter is ${job.state}, not waiting`);
  const source = input.queue.slice(0, -'.dead'.length);
  if (job.sourceName) {
    const moved = await boss.redrive(input.queue, { ids: [input.id], limit: 1 });
    if (moved !== 1) throw new AppError('CONFLICT', 'The job could not be moved back to its queue');
    return { retried: 'redriven', queue: job.sourceName };
  }
  const permanent = permanentFailureSchema.safeParse(job.data);
  if (!permanent.success)
    throw new AppError('CONFLICT', 'This dead letter does not say which job it came from');
  await boss.send(source, permanent.data.data);
  await boss.deleteJob(input.queue, input.id);
  return { retried: 'resent', queue: source };
}
