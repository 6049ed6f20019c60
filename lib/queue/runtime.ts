import 'server-only';
import type { PgBoss } from 'pg-boss';
import { registerHealthProbe, registerMetricsProbe } from '@/lib/health/get-health';
import { env } from '@/lib/env';
import { logger } from '@/lib/logger';
import { schedulePipelineMaintenance } from '@/lib/orders/schedule-pipeline-maintenance';
import { registerWorkflowHealth } from '@/lib/orders/workflow-health';
import { startTikTokIntegration } from '@/lib/tiktok/start-integration';
import { getBoss, stopBoss } from './boss';
import { PermanentJobError, type JobDefinition } from './define-job';
import { deadLetterQueueName, jobRegistry } from './registry';

/**
 * Queue runtime: creates every registered queue (retry with exponential backoff, expiry, a
 * dead-letter queue behind it), and, where this process runs workers, drains them in-process.
 * Started from instrumentation.ts in the Next.js Node runtime and by `bun run worker`.
 */
type RuntimeState = { ready?: Promise<PgBoss>; workersStarted?: boolean };
const globalForRuntime = globalThis as typeof globalThis & { __creatorflowQueueRuntime?: RuntimeState };
const state = (globalForRuntime.__creatorflowQueueRuntime ??= {});

const allJobs = (): readonly JobDefinition[] => jobRegistry as readonly JobDefinition[];

async function createQueues(boss: PgBoss, jobs: readonly JobDefinition[]): Promise<void> {
  for (const job of jobs) {
    const deadLetter = deadLetterQueueName(job.name);
    await boss.createQueue(deadLetter, { retentionSeconds: 14 * 24 * 3600 });
    const policy = {
      retryLimit: job.queue.retryLimit,
      retryDelay: job.queue.retryDelaySeconds,
      retryBackoff: true,
      retryDelayMax: job.queue.retryDelayMaxSeconds,
      expireInSeconds: job.queue.expireInSeconds,
      deadLetter,
      notify: job.queue.notify,
    };
    await boss.createQueue(job.name, policy);
    // createQueue leaves an existing queue as it was: bring a database from an older release up
    // to the policy declared in code.
    await boss.updateQueue(job.name, policy);
  }
}

/**
 * pg-boss's job tables are the busiest of a spike: each job is written three times (created,
 * active, completed), so every fetch walks the dead entries of the jobs taken before it until a
 * vacuum clears them, and Postgres's default waits for 20 % of a table, hundreds of thousands of
 * rows with a week of retained jobs. private.keep_vacuumed (migration 20261124000300) gives them
 * the options of our own hot tables, and private.skip_jsonb_statistics (migration 20261124000500)
 * spares their analyzes the sorting of every job's data; pg-boss creates these tables itself, so
 * both are called here.
 */
async function tuneJobTables(boss: PgBoss): Promise<void> {
  await boss.getDb().executeSql(
    `select private.keep_vacuumed(q.job_table), private.skip_jsonb_statistics(q.job_table)
     from (select distinct format('%I.%I', $1::text, table_name)::regclass as job_table from ${env.QUEUE_SCHEMA}.queue) q`,
    [env.QUEUE_SCHEMA],
  );
}

/** The started boss with every queue created; safe to call from anywhere, any number of times. */
export function getReadyBoss(): Promise<PgBoss> {
  state.ready ??= getBoss().then(async (boss) => {
    await createQueues(boss, allJobs());
    // A tuning, not a condition of running: a role that may not alter pg-boss's tables still works.
    await tuneJobTables(boss).catch((error) => logger.warn({ err: error }, 'could not set autovacuum and statistics options on the job tables'));
    return boss;
  });
  state.ready.catch(() => (state.ready = undefined));
  return state.ready;
}

type JobResult = { id: string; status: 'completed' | 'failed'; output?: unknown };
type RawJob = { id: string; data: unknown; retryCount: number; signal: AbortSignal };

/** One job of a batch: its own result, so one failure never retries its neighbours. */
async function runOne(boss: PgBoss, job: JobDefinition, raw: RawJob): Promise<JobResult> {
  const parsed = job.schema.safeParse(raw.data);
  try {
    if (!parsed.success) throw new PermanentJobError(`invalid payload: ${parsed.error.message}`);
    await job.handler(parsed.data, { id: raw.id, retryCount: raw.retryCount, signal: raw.signal });
    return { id: raw.id, status: 'completed' };
  } catch (error) {
    if (error instanceof PermanentJobError) {
      // No retry can help: file it with the dead letters and finish the attempt.
      logger.warn({ job: job.name, jobId: raw.id, err: error }, 'job failed permanently');
      await boss.send(deadLetterQueueName(job.name), { originalJobId: raw.id, data: raw.data, error: error.message });
      return { id: raw.id, status: 'completed' };
    }
    logger.warn({ job: job.name, jobId: raw.id, retryCount: raw.retryCount, err: error }, 'job failed; will retry');
    const message = error instanceof Error ? error.message : String(error);
    return { id: raw.id, status: 'failed', output: { message } };
  }
}

/**
 * A fetched batch: through the job's batchHandler when it has one (valid payloads together), else,
 * or when the batch handler fails, each job on its own.
 */
async function runBatch(boss: PgBoss, job: JobDefinition, batch: RawJob[]): Promise<JobResult[]> {
  if (!job.batchHandler || batch.length < 2) return Promise.all(batch.map((raw) => runOne(boss, job, raw)));
  const valid: { raw: RawJob; data: unknown }[] = [];
  const invalid: RawJob[] = [];
  for (const raw of batch) {
    const parsed = job.schema.safeParse(raw.data);
    if (parsed.success) valid.push({ raw, data: parsed.data });
    else invalid.push(raw);
  }
  const results = await Promise.all(invalid.map((raw) => runOne(boss, job, raw)));
  try {
    const handled = await job.batchHandler(valid.map(({ raw, data }) => ({ data, context: { id: raw.id, retryCount: raw.retryCount, signal: raw.signal } })));
    const oneByOne = new Set(handled?.oneByOne ?? []);
    const alone = await Promise.all(valid.filter((_, index) => oneByOne.has(index)).map(({ raw }) => runOne(boss, job, raw)));
    return [...results, ...valid.filter((_, index) => !oneByOne.has(index)).map(({ raw }) => ({ id: raw.id, status: 'completed' as const })), ...alone];
  } catch (error) {
    logger.info({ job: job.name, jobs: valid.length, err: error }, 'batch failed; running its jobs one by one');
    return [...results, ...(await Promise.all(valid.map(({ raw }) => runOne(boss, job, raw))))];
  }
}

/**
 * Each of a queue's `localConcurrency` workers fetches up to `batchSize` jobs at once (highest
 * priority first), runs them side by side and settles each on its own. While fetches come back
 * full it fetches again at once (burst); a job created on a notify queue wakes idle workers through
 * LISTEN/NOTIFY, and polling every `pollingIntervalSeconds` finds delayed and debounced jobs.
 */
export async function startWorkers(jobs: readonly JobDefinition[] = allJobs()): Promise<void> {
  if (state.workersStarted) return;
  state.workersStarted = true;
  const boss = await getReadyBoss();
  for (const job of jobs) {
    await boss.work(
      job.name,
      {
        batchSize: job.work.batchSize,
        localConcurrency: job.work.localConcurrency,
        pollingIntervalSeconds: job.work.pollingIntervalSeconds,
        // Not relaxed while NOTIFY is up: a debounced job (startAfter = its slot) is announced when
        // it is created, not when it becomes due, so only the poll finds it on time.
        notifyPollingIntervalSeconds: job.work.pollingIntervalSeconds,
        burstWhenBatchFull: true,
        perJobResults: true,
      },
      (batch) => runBatch(boss, job, batch),
    );
  }
  logger.info({ queues: jobs.length }, 'queue workers started');
}

export async function queueDepth(): Promise<{ queued: number; active: number; failed: number }> {
  const boss = await getReadyBoss();
  const queues = await boss.getQueues();
  return queues.reduce(
    (sum, queue) => ({
      queued: sum.queued + queue.queuedCount,
      active: sum.active + queue.activeCount,
      failed: sum.failed + (queue.name.endsWith('.dead') ? queue.queuedCount : queue.failedCount),
    }),
    { queued: 0, active: 0, failed: 0 },
  );
}

/** Start-up entry point: queues always, workers unless QUEUE_WORKERS_ENABLED=false. */
export async function startQueueRuntime(options: { workers: boolean }): Promise<void> {
  await getReadyBoss();
  registerHealthProbe('messageQueue', async () => {
    const depth = await queueDepth();
    return { status: 'healthy', details: { ...depth, workers: Boolean(state.workersStarted) } };
  });
  registerMetricsProbe(async () => ({ queueDepth: (await queueDepth()).queued }));
  await startTikTokIntegration().catch((error) => logger.error({ err: error }, 'tiktok integration failed to start'));
  // The workflow's safety net: the every-minute reconciler that finds orders a crash left mid-step.
  registerWorkflowHealth();
  await schedulePipelineMaintenance().catch((error) => logger.error({ err: error }, 'pipeline maintenance not scheduled'));
  if (options.workers) await startWorkers();
}

export async function stopQueueRuntime(): Promise<void> {
  // Jobs still running finish during the graceful stop and may enqueue follow-ups: those must reach
  // this boss, not start a second one, so the handles are cleared only once it has stopped.
  await stopBoss({ graceful: true });
  state.ready = undefined;
  state.workersStarted = false;
}
