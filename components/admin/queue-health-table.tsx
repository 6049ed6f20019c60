import { formatInteger } from '@/components/ui/format';
import { LocalTime } from '@/components/ui/local-time';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { QueueHealth } from '@/lib/admin';
import { cn } from '@/lib/utils';

/** pg-boss queues with ready, deferred, active, failed and dead-lettered jobs. */
export function QueueHealthTable({ queues }: { queues: QueueHealth[] }) {
  return (
    <Table>
      <caption className="sr-only">Queue health</caption>
      <TableHeader>
        <TableRow>
          <TableHead>Queue</TableHead>
          <TableHead className="text-right">Ready</TableHead>
          <TableHead className="text-right">Deferred</TableHead>
          <TableHead className="text-right">Active</TableHead>
          <TableHead className="text-right">Failed</TableHead>
          <TableHead className="text-right">Dead letters</TableHead>
          <TableHead className="text-right">Stored</TableHead>
          <TableHead className="text-right">Retries</TableHead>
          <TableHead>Counted</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {queues.map((queue) => (
          <TableRow key={queue.name} data-testid="queue-row">
            <TableCell className="font-mono text-xs">{queue.name}</TableCell>
            <TableCell className="text-right tabular-nums">{formatInteger(queue.ready)}</TableCell>
            <TableCell className="text-right tabular-nums">{formatInteger(queue.deferred)}</TableCell>
            <TableCell className="text-right tabular-nums">{formatInteger(queue.active)}</TableCell>
            <TableCell
              className={cn('text-right tabular-nums', queue.failed > 0 && 'font-medium text-red-700')}
            >
              {formatInteger(queue.failed)}
            </TableCell>
            <TableCell
              className={cn('text-right tabular-nums', queue.dead_letters > 0 && 'font-medium text-red-700')}
            >
              {formatInteger(queue.dead_letters)}
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatInteger(queue.total)}</TableCell>
            <TableCell className="text-right tabular-nums">{queue.retry_limit ?? '—'}</TableCell>
            <TableCell className="text-xs text-muted-foreground">
              {queue.counted_at ? <LocalTime iso={queue.counted_at} relative /> : 'not yet'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
