import 'server-only';
import { sql } from 'drizzle-orm';
import { asSystem } from '@/lib/db';
import { queueSchemaNameSchema } from './schemas';

export type FailedJob = {
  id: string;
  queue: string;
  /** dead_letter: waiting in `<queue>.dead`; failed: a terminal failure with no dead-letter queue. */
  kind: 'dead_letter' | 'failed';
  source_queue: string | null;
  error: string | null;
  retries: number;
  data: unknown;
  failed_at: string;
};

type Row = {
  id: string;
  queue: string;
  kind: FailedJob['kind'];
  source_name: string | null;
  data: unknown;
  output: unknown;
  source_output: unknown;
  retries: number | null;
  failed_at: Date | string;
};

/** The error text a job left: pg-boss stores the thrown error in output; our runtime in data.error. */
export function jobErrorText(row: { output: unknown; source_output: unknown; data: unknown }): string | null {
  for (const candidate of [row.source_output, row.output, row.data]) {
    if (candidate && typeof candidate === 'object') {
      const record = candidate as Record<string, unknown>;
      const message = record.message ?? record.error;
      if (typeof message === 'string' && message) return message.slice(0, 500);
    }
  }
  return null;
}

/**
 * Jobs that need a person (ops only; reads the pg-boss tables directly, across tenants): every job
 * waiting in a dead-letter queue, whether pg-boss moved it there after its retries or our runtime
 * filed it as a PermanentJobError, and failed jobs of queues that have no dead-letter queue (a
 * failure in a queue that has one is listed once, as its dead letter). Newest first.
 */
export async function unsafeListFailedJobs(input: { schema: string; limit?: number }): Promise<FailedJob[]> {
  const schema = sql.identifier(queueSchemaNameSchema.parse(input.schema));
  const result = await asSystem((tx) =>
    tx.execute<Row>(sql`
      select * from (
        select j.id, j.name as queue, 'dead_letter' as kind, j.source_name, j.data, j.output, j.source_output,
          coalesce(j.source_retry_count, 0) as retries, j.created_on as failed_at
        from ${schema}.job j
        where j.name like '%.dead' and j.state in ('created', 'retry')
        union all
        select j.id, j.name, 'failed', j.source_name, j.data, j.output, j.source_output, j.retry_count,
          coalesce(j.completed_on, j.created_on)
        from ${schema}.job j
        where j.state = 'failed' and j.dead_letter is null
      ) failures
      order by failed_at desc
      limit ${input.limit ?? 100}`),
  );
  return result.rows.map((row) => ({
    id: row.id,
    queue: row.queue,
    kind: row.kind,
    source_queue:
      row.source_name ?? (row.queue.endsWith('.dead') ? row.queue.slice(0, -'.dead'.length) : null),
    error: jobErrorText(row),
    retries: row.retries ?? 0,
    data: row.data,
    failed_at: new Date(row.failed_at).toISOString(),
  }));
}
