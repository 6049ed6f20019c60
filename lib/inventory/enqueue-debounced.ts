import 'server-only';
import { sql } from 'drizzle-orm';
import { fromDrizzle } from 'pg-boss';
import type { Tx } from '@/lib/db';
import type { JobName, JobPayload } from '@/lib/queue';
import { getReadyBoss } from '@/lib/queue/runtime';

/**
 * Enqueues a job at most once per `seconds`-long slot per key, inside `tx` (pg-boss
 * sendDebounced: singletonKey + singletonSeconds + singletonNextSlot). The first change in a slot
 * runs at once; later changes in that slot land in one job at the start of the next slot; more
 * are dropped because that job has not run yet and reads the numbers when it does. So a burst of
 * 1,000 stock changes costs two jobs, and the last change is never left unpushed.
 *
 * lib/queue's enqueue() has no debounce option yet; this calls the same pg-boss instance.
 */
export async function enqueueDebounced<N extends JobName>(
  tx: Tx,
  name: N,
  data: JobPayload<N>,
  options: { key: string; seconds: number; priority?: number },
): Promise<void> {
  const boss = await getReadyBoss();
  await boss.sendDebounced(
    name,
    data as object,
    { db: fromDrizzle(tx, sql), ...(options.priority !== undefined ? { priority: options.priority } : {}) },
    options.seconds,
    options.key,
  );
}
