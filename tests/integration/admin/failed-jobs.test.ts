import { PgBoss } from 'pg-boss';
import { getQueueHealth, unsafeListFailedJobs, unsafeRetryJob } from '@/lib/admin';
import { closeDb } from '@/lib/db';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors';

/**
 * Failed jobs on a real pg-boss (in-process, on this worker's database): a job whose retries ran
 * out (dead-lettered by pg-boss), a PermanentJobError filed by our runtime, and a failure in a queue
 * without a dead-letter queue, each listed once and retried the right way.
 */
let boss: PgBoss;
const QUEUE = 'test.always-fail';
const DEAD = `${QUEUE}.dead`;
const NO_DLQ = 'test.no-dead-letter';

async function failOnce(queue: string, data: object): Promise<string> {
  const id = (await boss.send(queue, data))!;
  const [job] = await boss.fetch(queue);
  expect(job?.id).toBe(id);
  await boss.fail(queue, id, { message: `boom ${JSON.stringify(data)}` });
  return id;
}

beforeAll(async () => {
  boss = new PgBoss({
    connectionString: env.DATABASE_URL,
    schema: env.QUEUE_SCHEMA,
    supervise: false,
    schedule: false,
  });
  boss.on('error', () => undefined);
  await boss.start();
  await boss.createQueue(DEAD);
  await boss.createQueue(QUEUE, { retryLimit: 0, deadLetter: DEAD });
  await boss.createQueue(NO_DLQ, { retryLimit: 0 });
});

afterAll(async () => {
  await boss.stop({ graceful: false, close: true });
  await closeDb();
});

test('lists dead letters and dead-letter-less failures once each, with their errors', async () => {
  const exhausted = await failOnce(QUEUE, {
    accountId: '00000000-0000-4000-8000-000000000001',
    step: 'exhausted',
  });
  const permanentId = (await boss.send(DEAD, {
    originalJobId: 'j-1',
    data: { step: 'permanent' },
    error: 'SKU not found',
  }))!;
  const noDlq = await failOnce(NO_DLQ, { step: 'no-dlq' });

  const failed = await unsafeListFailedJobs({ schema: env.QUEUE_SCHEMA });
  const mine = failed.filter((job) => job.queue.startsWith('test.'));
  expect(mine.map((job) => [job.queue, job.kind, job.source_queue]).sort()).toEqual(
    [
      [DEAD, 'dead_letter', QUEUE],
      [DEAD, 'dead_letter', QUEUE],
      [NO_DLQ, 'failed', null],
    ].sort(),
  );
  // The original of the dead-lettered job (state failed in its own queue) is not listed again.
  expect(mine.some((job) => job.id === exhausted)).toBe(false);
  const permanent = mine.find((job) => job.id === permanentId)!;
  expect(permanent.error).toBe('SKU not found');
  const dead = mine.find((job) => job.queue === DEAD && job.id !== permanentId)!;
  expect(dead.error).toContain('boom');
  expect(mine.find((job) => job.id === noDlq)!.error).toContain('no-dlq');
});

test('retry: redrive a dead letter, resend a permanent failure, retry in place without a DLQ', async () => {
  const before = (await unsafeListFailedJobs({ schema: env.QUEUE_SCHEMA })).filter((job) =>
    job.queue.startsWith('test.'),
  );
  const redriven = before.find((job) => job.queue === DEAD && job.error?.includes('boom'))!;
  const permanent = before.find((job) => job.error === 'SKU not found')!;
  const inPlace = before.find((job) => job.queue === NO_DLQ)!;

  expect(await unsafeRetryJob(boss, { queue: DEAD, id: redriven.id })).toEqual({
    retried: 'redriven',
    queue: QUEUE,
  });
  expect(await unsafeRetryJob(boss, { queue: DEAD, id: permanent.id })).toEqual({
    retried: 'resent',
    queue: QUEUE,
  });
  expect(await unsafeRetryJob(boss, { queue: NO_DLQ, id: inPlace.id })).toEqual({
    retried: 'retried',
    queue: NO_DLQ,
  });

  expect(
    (await unsafeListFailedJobs({ schema: env.QUEUE_SCHEMA })).filter((job) => job.queue.startsWith('test.')),
  ).toEqual([]);
  const waiting = await boss.findJobs<{ step: string }>(QUEUE, { queued: true });
  expect(waiting.map((job) => job.data.step).sort()).toEqual(['exhausted', 'permanent']);
  const [again] = await boss.findJobs(NO_DLQ, { id: inPlace.id });
  expect(again?.state).toBe('retry');

  // Retrying what is no longer failed is refused, not repeated.
  const error = await unsafeRetryJob(boss, { queue: NO_DLQ, id: inPlace.id }).catch(
    (caught: unknown) => caught,
  );
  expect(isAppError(error) && error.code).toBe('CONFLICT');
  const missing = await unsafeRetryJob(boss, {
    queue: DEAD,
    id: '00000000-0000-4000-8000-000000000009',
  }).catch((caught: unknown) => caught);
  expect(isAppError(missing) && missing.code).toBe('NOT_FOUND');
});

test('queue health pairs each queue with its dead-letter count', async () => {
  const health = await getQueueHealth({
    getQueues: async () =>
      [
        {
          name: QUEUE,
          deadLetter: DEAD,
          readyCount: 2,
          deferredCount: 0,
          activeCount: 1,
          failedCount: 3,
          totalCount: 9,
          queuedCount: 2,
          policy: 'standard',
          retryLimit: 0,
        },
        {
          name: DEAD,
          readyCount: 4,
          deferredCount: 0,
          activeCount: 0,
          failedCount: 0,
          totalCount: 4,
          queuedCount: 4,
        },
        {
          name: 'quiet.queue',
          readyCount: 0,
          deferredCount: 0,
          activeCount: 0,
          failedCount: 0,
          totalCount: 0,
          queuedCount: 0,
        },
      ] as never,
  });
  expect(
    health.map((queue) => [queue.name, queue.ready, queue.active, queue.failed, queue.dead_letters]),
  ).toEqual([
    [QUEUE, 2, 1, 3, 4],
    ['quiet.queue', 0, 0, 0, 0],
  ]);
  // And against the real pg-boss: every queue we created is listed, dead-letter queues folded in.
  const real = await getQueueHealth(boss);
  expect(real.map((queue) => queue.name)).toEqual(expect.arrayContaining([QUEUE, NO_DLQ]));
  expect(real.some((queue) => queue.name.endsWith('.dead'))).toBe(false);
});
