import 'server-only';
import { PgBoss, type ConstructorOptions } from 'pg-boss';
import { PreparingClient } from '@/lib/db/preparing-client';
import { env } from '@/lib/env';
import { logger } from '@/lib/logger';

/**
 * The one pg-boss instance of this process, kept on globalThis as a start-up promise so that
 * Next's dev reloads, route handlers and workers all share it. `error` is attached before start().
 */
type Held = { boss: PgBoss; started: Promise<PgBoss> };
const globalForBoss = globalThis as typeof globalThis & { __creatorflowBoss?: Held };

export function getBoss(): Promise<PgBoss> {
  if (!globalForBoss.__creatorflowBoss) {
    // pg-boss hands its options to pg.Pool, so the pool's `Client` option reaches it: its fetch,
    // insert and complete statements are long CTEs, worth preparing once per connection.
    const options: ConstructorOptions & { Client?: typeof PreparingClient } = {
      connectionString: env.DATABASE_URL,
      schema: env.QUEUE_SCHEMA,
      max: 10,
      application_name: 'creatorflow-queue',
      // Queues are created with `notify`: a job's commit wakes the workers at once (one dedicated
      // listening connection per process), instead of them finding it on their next poll.
      useListenNotify: true,
      ...(env.DATABASE_PREPARED_STATEMENTS ? { Client: PreparingClient } : {}),
    };
    const boss = new PgBoss(options);
    boss.on('error', (error) => logger.error({ err: error }, 'queue error'));
    const started = boss.start().then(() => boss);
    started.catch((error) => {
      logger.error({ err: error }, 'queue failed to start');
      globalForBoss.__creatorflowBoss = undefined;
    });
    globalForBoss.__creatorflowBoss = { boss, started };
  }
  return globalForBoss.__creatorflowBoss.started;
}

export async function stopBoss(options: { graceful?: boolean; timeoutMs?: number } = {}): Promise<void> {
  const held = globalForBoss.__creatorflowBoss;
  if (!held) return;
  await held.started.catch(() => undefined);
  try {
    await held.boss.stop({ graceful: options.graceful ?? true, timeout: options.timeoutMs ?? 20_000, close: true });
  } finally {
    // Kept until stopped: a job draining during a graceful stop that enqueues would otherwise
    // create and start a fresh instance that nothing ever stops (found by the pipeline benchmark).
    if (globalForBoss.__creatorflowBoss === held) globalForBoss.__creatorflowBoss = undefined;
  }
}
