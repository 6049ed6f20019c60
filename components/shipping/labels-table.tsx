import { Download, ExternalLink, Printer } from 'lucide-react';
import Link from 'next/link';
import { formatMoney } from '@/components/ui/format';
import { LocalTime } from '@/components/ui/local-time';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { ShipmentListItem } from '@/lib/orders/queries';
import { cn } from '@/lib/utils';

const humanize = (value: string) => value.replace(/_/g, ' ');

const STATUS_TONE: Record<string, string> = {
  purchased: 'bg-emerald-100 text-emerald-900',
  voided: 'bg-zinc-200 text-zinc-800',
  void_pending: 'bg-zinc-100 text-zinc-800',
  failed: 'bg-red-100 text-red-900',
  unknown_outcome: 'bg-amber-100 text-amber-900',
};

/** Every label: order, carrier and service, cost, tracking, and the label file. */
export function LabelsTable({ shipments }: { shipments: ShipmentListItem[] }) {
  return (
    <div className="rounded-xl border bg-card">
      <Table>
        <caption className="sr-only">Shipping labels, newest first</caption>
        <TableHeader>
          <TableRow>
            <TableHead>Bought</TableHead>
            <TableHead>Order</TableHead>
            <TableHead>Carrier / service</TableHead>
            <TableHead className="text-right">Cost</TableHead>
            <TableHead>Label</TableHead>
            <TableHead>Tracking</TableHead>
            <TableHead>
              <span className="sr-only">Documents</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {shipments.map((shipment) => (
            <TableRow key={shipment.id} data-testid="label-row">
              <TableCell className="text-muted-foreground">
                <LocalTime iso={shipment.purchased_at ?? shipment.created_at} />
              </TableCell>
              <TableCell>
                <Link
                  href={`/orders/${shipment.order_id}`}
                  className="font-mono text-xs underline-offset-4 hover:underline"
                >
                  {shipment.tiktok_order_id}
                </Link>
                <div className="text-xs text-muted-foreground">{shipment.buyer_name ?? ''}</div>
              </TableCell>
              <TableCell>
                <div>{shipment.provider ?? shipment.carrier}</div>
                <div className="text-xs text-muted-foreground">{shipment.service ?? '—'}</div>
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {formatMoney(shipment.cost_cents, shipment.currency ?? 'USD')}
              </TableCell>
              <TableCell>
                <span
                  className={cn(
                    'rounded-md px-2 py-0.5 text-xs font-medium capitalize',
                    STATUS_TONE[shipment.status] ?? 'bg-muted text-foreground',
                  )}
                >
                  {humanize(shipment.status)}
                </span>
                {shipment.last_error ? (
                  <div className="mt-1 max-w-48 truncate text-xs text-red-700" title={shipment.last_error}>
                    {shipment.last_error}
                  </div>
                ) : null}
              </TableCell>
              <TableCell>
                {shipment.tracking_number ? (
                  <div>
                    <div className="flex items-center gap-1 font-mono text-xs">
                      {shipment.tracking_number}
                      {shipment.tracking_url ? (
                        <a
                          href={shipment.tracking_url}
                          target="_blank"
                          rel="noreferrer"
                          aria-label={`Track ${shipment.tracking_number} on the carrier’s site`}
                        >
                          <ExternalLink className="size-3" aria-hidden />
                        </a>
                      ) : null}
                    </div>
                    <div className="text-xs capitalize text-muted-foreground">
                      {humanize(shipment.tracking_status)}
                    </div>
                  </div>
                ) : (
                  <span className="text-muted-foreground">—</span>
                )}
              </TableCell>
              <TableCell>
                <div className="flex gap-3 text-xs">
                  {shipment.label_download_url ? (
                    <a
                      href={shipment.label_download_url}
                      download
                      className="inline-flex items-center gap-1 underline-offset-4 hover:underline"
                    >
                      <Download className="size-3.5" aria-hidden /> Label
                      <span className="sr-only"> for order {shipment.tiktok_order_id}</span>
                    </a>
                  ) : null}
                  <Link
                    href={`/orders/${shipment.order_id}/packing-slip`}
                    className="inline-flex items-center gap-1 underline-offset-4 hover:underline"
                  >
                    <Printer className="size-3.5" aria-hidden /> Slip
                    <span className="sr-only"> for order {shipment.tiktok_order_id}</span>
                  </Link>
                </div>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
