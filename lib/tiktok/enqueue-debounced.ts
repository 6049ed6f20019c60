import 'server-only';
import { sql } from 'drizzle-orm';
import { fromDrizzle } from 'pg-boss';
import type { Tx } from '@/lib/db';
import type { JobName, JobPayload } from '@/lib/queue';
import { getReadyBoss } from '@/lib/queue/runtime';

/**
 * At most one job per `key` per `seconds`-long slot, and one more queued for the next slot: a burst of
 * requests (hundreds of webhooks for one shop) becomes a job now and a job right after, never hundreds.
 * The job must therefore drain shared state (pending rows), not act on its own payload alone.
 * pg-boss's sendDebounced; lib/queue's enqueue does not expose slots.
 */
export async function enqueueDebounced<N extends JobName>(
  name: N,
  data: JobPayload<N>,
  options: { key: string; seconds: number; tx?: Tx; priority?: number },
): Promise<string | null> {
  const boss = await getReadyBoss();
  return boss.sendDebounced(
    name,
    data as object,
    {
      ...(options.tx ? { db: fromDrizzle(options.tx, sql) } : {}),
      ...(options.priority !== undefined ? { priority: options.priority } : {}),
    },
    options.seconds,
    options.key,
  );
}
