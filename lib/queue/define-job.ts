import type { z } from 'zod';

/**
 * A job is declared once: its name (`<domain>.<verb-noun>`), the zod schema of its payload, its
 * idempotent handler, and its retry policy. The registry (registry.ts) lists every job; the
 * runtime creates a queue per job with these policies and a dead-letter queue behind it.
 */
export type JobContext = { id: string; retryCount: number; signal: AbortSignal };

export type QueuePolicy = {
  retryLimit: number;
  retryDelaySeconds: number;
  retryDelayMaxSeconds: number;
  expireInSeconds: number;
  /**
   * A new job wakes the queue's workers at once (LISTEN/NOTIFY). Off for work that can wait for the
   * next poll: its jobs then gather into fuller batches, and creating one sends no notification.
   */
  notify: boolean;
};

export type BatchHandler<Data> = (items: { data: Data; context: JobContext }[]) => Promise<void | { oneByOne: readonly number[] }>;

export type WorkPolicy = { localConcurrency: number; batchSize: number; pollingIntervalSeconds: number };

export type JobDefinition<Name extends string = string, Schema extends z.ZodType = z.ZodType> = {
  name: Name;
  schema: Schema;
  handler: (data: z.infer<Schema>, context: JobContext) => Promise<void>;
  /**
   * Optional: the jobs a worker fetched together, handled as one (a batch of orders through the
   * workflow in one transaction). If it throws, each job runs on its own through `handler`, so one
   * bad job never fails its neighbours; it may also hand some jobs back (`oneByOne`: their indexes
   * in `items`) for `handler` to run alone, each with its own result.
   */
  batchHandler?: BatchHandler<z.infer<Schema>>;
  queue: QueuePolicy;
  work: WorkPolicy;
};

const DEFAULT_QUEUE: QueuePolicy = { retryLimit: 8, retryDelaySeconds: 2, retryDelayMaxSeconds: 300, expireInSeconds: 120, notify: true };
/** Per process: `localConcurrency` fetchers, each running a batch of up to `batchSize` jobs side by side. */
const DEFAULT_WORK: WorkPolicy = { localConcurrency: 2, batchSize: 8, pollingIntervalSeconds: 0.5 };

export function defineJob<const Name extends string, Schema extends z.ZodType>(definition: {
  name: Name;
  schema: Schema;
  handler: (data: z.infer<Schema>, context: JobContext) => Promise<void>;
  batchHandler?: BatchHandler<z.infer<Schema>>;
  queue?: Partial<QueuePolicy>;
  work?: Partial<WorkPolicy>;
}): JobDefinition<Name, Schema> {
  if (!/^[a-z]+\.[a-z][a-z0-9-]*$/.test(definition.name)) {
    throw new Error(`Job names are <domain>.<verb-noun>: ${definition.name}`);
  }
  return {
    ...definition,
    queue: { ...DEFAULT_QUEUE, ...definition.queue },
    work: { ...DEFAULT_WORK, ...definition.work },
  };
}

/**
 * Thrown by a handler when retrying cannot help (bad payload, a record that no longer exists,
 * a permanent upstream refusal). The runtime fails the job without further retries; it lands in
 * the dead-letter queue and on the admin page.
 */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}
