import { LocalTime } from '@/components/ui/local-time';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { FailedJob } from '@/lib/admin';
import { PostActionButton } from './post-action-button';

/** Dead letters and failed jobs, newest first, each with its error, payload and a retry button. */
export function FailedJobsTable({ jobs }: { jobs: FailedJob[] }) {
  return (
    <Table>
      <caption className="sr-only">Failed jobs</caption>
      <TableHeader>
        <TableRow>
          <TableHead>Failed</TableHead>
          <TableHead>Queue</TableHead>
          <TableHead>Error</TableHead>
          <TableHead>Payload</TableHead>
          <TableHead className="text-right">Retries used</TableHead>
          <TableHead>
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {jobs.map((job) => (
          <TableRow key={job.id} data-testid="failed-job-row">
            <TableCell className="text-muted-foreground">
              <LocalTime iso={job.failed_at} short />
            </TableCell>
            <TableCell>
              <div className="font-mono text-xs">{job.source_queue ?? job.queue}</div>
              <div className="text-xs text-muted-foreground">
                {job.kind === 'dead_letter' ? 'dead letter' : 'failed, no dead-letter queue'}
              </div>
            </TableCell>
            <TableCell className="text-xs text-red-800">
              <div className="max-w-80 whitespace-normal">{job.error ?? '—'}</div>
            </TableCell>
            <TableCell>
              <code className="block max-w-56 truncate text-xs" title={JSON.stringify(job.data)}>
                {JSON.stringify(job.data)}
              </code>
            </TableCell>
            <TableCell className="text-right tabular-nums">{job.retries}</TableCell>
            <TableCell>
              <PostActionButton
                url="/api/admin/jobs/retry"
                body={{ queue: job.queue, id: job.id }}
                label="Retry"
                doneLabel="Queued again"
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
