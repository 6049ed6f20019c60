import { LocalTime } from '@/components/ui/local-time';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { WebhookLogEntry } from '@/lib/admin';
import { cn } from '@/lib/utils';
import { PostActionButton } from './post-action-button';

const STATUS_TONE: Record<WebhookLogEntry['status'], string> = {
  processed: 'bg-emerald-100 text-emerald-900',
  ignored: 'bg-zinc-100 text-zinc-800',
  pending: 'bg-sky-100 text-sky-900',
  failed: 'bg-red-100 text-red-900',
};

/** The inbound webhook log across tenants, with a replay button per event. */
export function WebhookLogTable({ events }: { events: WebhookLogEntry[] }) {
  return (
    <Table>
      <caption className="sr-only">Webhook events, newest first</caption>
      <TableHeader>
        <TableRow>
          <TableHead>Received</TableHead>
          <TableHead>Provider / type</TableHead>
          <TableHead>Tenant</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="text-right">Attempts</TableHead>
          <TableHead className="text-right">Processing</TableHead>
          <TableHead>Error</TableHead>
          <TableHead>
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {events.map((event) => (
          <TableRow key={event.id} data-testid="webhook-row">
            <TableCell className="text-muted-foreground">
              <LocalTime iso={event.received_at} short />
            </TableCell>
            <TableCell>
              <div className="capitalize">{event.provider}</div>
              <div className="font-mono text-xs text-muted-foreground">{event.event_type}</div>
            </TableCell>
            <TableCell className="text-xs">
              {event.account_name ?? (
                <span className="text-muted-foreground">
                  unmatched{event.external_ref ? ` (${event.external_ref})` : ''}
                </span>
              )}
            </TableCell>
            <TableCell>
              <span className={cn('rounded-md px-2 py-0.5 text-xs font-medium', STATUS_TONE[event.status])}>
                {event.status}
              </span>
            </TableCell>
            <TableCell className="text-right tabular-nums">{event.attempts}</TableCell>
            <TableCell className="text-right tabular-nums">
              {event.processing_ms === null ? '—' : `${event.processing_ms} ms`}
            </TableCell>
            <TableCell className="text-xs text-red-800" title={event.error ?? undefined}>
              <span className="block max-w-48 truncate">{event.error ?? ''}</span>
            </TableCell>
            <TableCell>
              <PostActionButton
                url={`/api/admin/webhooks/${event.id}/replay`}
                label="Replay"
                doneLabel="Replayed"
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
