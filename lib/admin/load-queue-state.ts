import 'server-only';
import { getQueueHealth, type QueueHealth } from './get-queue-health';
import { unsafeListFailedJobs, type FailedJob } from './list-failed-jobs';
import { logger } from '@/lib/logger';
import { getReadyBoss } from '@/lib/queue/runtime';

/** Queue health and failed jobs for the admin pages; a queue that is down is reported, not thrown. */
export async function unsafeLoadQueueState(input: {
  schema: string;
}): Promise<{ queues: QueueHealth[]; failed: FailedJob[]; error: string | null }> {
  try {
    const boss = await getReadyBoss();
    const [queues, failed] = await Promise.all([
      getQueueHealth(boss),
      unsafeListFailedJobs({ schema: input.schema }),
    ]);
    return { queues, failed, error: null };
  } catch (error) {
    logger.error({ err: error }, 'admin: queue state unavailable');
    return { queues: [], failed: [], error: 'The job queue is not reachable from this server process.' };
  }
}
