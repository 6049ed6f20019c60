import 'server-only';
import type { PgBoss } from 'pg-boss';

export type QueueHealth = {
  name: string;
  policy: string | null;
  retry_limit: number | null;
  ready: number;
  deferred: number;
  active: number;
  failed: number;
  dead_letters: number;
  total: number;
  /** When pg-boss's monitor last counted this queue (null: not yet since it was created). */
  counted_at: string | null;
};

const DEAD_SUFFIX = '.dead';

/**
 * Every work queue with its counts (pg-boss getQueues(): the counts its monitor last wrote) and the
 * number of jobs waiting in its dead-letter queue `<name>.dead`. Queues with anything failed or
 * dead-lettered come first.
 */
export async function getQueueHealth(boss: Pick<PgBoss, 'getQueues'>): Promise<QueueHealth[]> {
  const queues = await boss.getQueues();
  const deadCounts = new Map(
    queues
      .filter((queue) => queue.name.endsWith(DEAD_SUFFIX))
      .map((queue) => [queue.name, queue.queuedCount]),
  );
  return queues
    .filter((queue) => !queue.name.endsWith(DEAD_SUFFIX))
    .map((queue) => ({
      name: queue.name,
      policy: queue.policy ?? null,
      retry_limit: queue.retryLimit ?? null,
      ready: queue.readyCount,
      deferred: queue.deferredCount,
      active: queue.activeCount,
      failed: queue.failedCount,
      dead_letters: deadCounts.get(queue.deadLetter ?? `${queue.name}${DEAD_SUFFIX}`) ?? 0,
      total: queue.totalCount,
      counted_at: queue.deltaOn ? new Date(queue.deltaOn).toISOString() : null,
    }))
    .sort((a, b) => b.dead_letters + b.failed - (a.dead_letters + a.failed) || a.name.localeCompare(b.name));
}
