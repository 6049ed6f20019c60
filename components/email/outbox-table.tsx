import Link from 'next/link';
import { StatusBadge, type StatusTone } from '@/components/billing/status-badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { OutboxSummary } from '@/lib/email';

const STATUS_TONE: Record<OutboxSummary['status'], StatusTone> = {
  sent: 'good',
  queued: 'warn',
  failed: 'bad',
  suppressed: 'neutral',
};

export function OutboxStatusBadge({ status }: { status: OutboxSummary['status'] }) {
  return <StatusBadge tone={STATUS_TONE[status]}>{status}</StatusBadge>;
}

const formatWhen = (date: Date) =>
  date.toLocaleString('en-US', {
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  });

/**
 * Outbox rows, newest first; each subject links to `hrefFor(id)` where the rendered email is shown.
 * `showAccount` adds the tenant column (ops view).
 */
export function OutboxTable({
  emails,
  hrefFor,
  showAccount = false,
}: {
  emails: (OutboxSummary & { accountName?: string })[];
  hrefFor: (id: string) => string;
  showAccount?: boolean;
}) {
  return (
    <Table data-testid="outbox-table">
      <TableHeader>
        <TableRow>
          <TableHead>Subject</TableHead>
          {showAccount ? <TableHead>Account</TableHead> : null}
          <TableHead>To</TableHead>
          <TableHead>Template</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Via</TableHead>
          <TableHead>Created</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {emails.map((email) => (
          <TableRow key={email.id}>
            <TableCell className="max-w-md truncate font-medium">
              <Link href={hrefFor(email.id)} className="underline-offset-4 hover:underline">
                {email.subject}
              </Link>
            </TableCell>
            {showAccount ? <TableCell>{email.accountName}</TableCell> : null}
            <TableCell className="max-w-56 truncate" title={email.toAddresses.join(', ')}>
              {email.toAddresses.join(', ')}
            </TableCell>
            <TableCell className="text-muted-foreground">{email.template}</TableCell>
            <TableCell>
              <OutboxStatusBadge status={email.status} />
            </TableCell>
            <TableCell className="text-muted-foreground">{email.provider ?? '—'}</TableCell>
            <TableCell className="whitespace-nowrap text-muted-foreground">
              {formatWhen(email.createdAt)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
