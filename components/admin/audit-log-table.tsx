import { LocalTime } from '@/components/ui/local-time';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { AuditEntry } from '@/lib/admin';

/** The audit log across tenants: who did what to which record. */
export function AuditLogTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <Table>
      <caption className="sr-only">Audit log, newest first</caption>
      <TableHeader>
        <TableRow>
          <TableHead>When</TableHead>
          <TableHead>Tenant</TableHead>
          <TableHead>Actor</TableHead>
          <TableHead>Action</TableHead>
          <TableHead>Entity</TableHead>
          <TableHead>Details</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((entry) => (
          <TableRow key={entry.id} data-testid="audit-row">
            <TableCell className="text-muted-foreground">
              <LocalTime iso={entry.created_at} short />
            </TableCell>
            <TableCell className="text-xs">{entry.account_name}</TableCell>
            <TableCell className="text-xs" title={entry.actor_type}>
              <span className="block max-w-44 truncate">{entry.actor_email ?? entry.actor_type}</span>
            </TableCell>
            <TableCell className="font-mono text-xs">{entry.action}</TableCell>
            <TableCell className="text-xs">
              {entry.entity_type}
              {entry.entity_id ? (
                <span className="block font-mono text-muted-foreground" title={entry.entity_id}>
                  {entry.entity_id.slice(0, 8)}
                </span>
              ) : null}
            </TableCell>
            <TableCell>
              <code className="block max-w-48 truncate text-xs" title={JSON.stringify(entry.data)}>
                {JSON.stringify(entry.data)}
              </code>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
