import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { InvoiceRow } from '@/lib/billing';
import { formatCents, formatDay } from './format';
import { StatusBadge } from './status-badge';

export function InvoiceTable({ invoices }: { invoices: InvoiceRow[] }) {
  if (invoices.length === 0) return <p className="text-sm text-muted-foreground">No invoices yet.</p>;
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Invoice</TableHead>
          <TableHead>Date</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="text-right">Total</TableHead>
          <TableHead>
            <span className="sr-only">Links</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {invoices.map((invoice) => (
          <TableRow key={invoice.id}>
            <TableCell className="font-medium">{invoice.number ?? invoice.id}</TableCell>
            <TableCell>{formatDay(invoice.createdAt)}</TableCell>
            <TableCell>
              <StatusBadge
                tone={invoice.status === 'paid' ? 'good' : invoice.status === 'open' ? 'warn' : 'neutral'}
              >
                {invoice.status ?? 'draft'}
              </StatusBadge>
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {formatCents(invoice.totalCents, invoice.currency)}
            </TableCell>
            <TableCell className="space-x-3 text-right">
              {invoice.hostedInvoiceUrl ? (
                <a
                  href={invoice.hostedInvoiceUrl}
                  className="underline underline-offset-4"
                  target="_blank"
                  rel="noreferrer"
                >
                  View
                </a>
              ) : null}
              {invoice.pdfUrl ? (
                <a
                  href={invoice.pdfUrl}
                  className="underline underline-offset-4"
                  target="_blank"
                  rel="noreferrer"
                >
                  PDF
                </a>
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
