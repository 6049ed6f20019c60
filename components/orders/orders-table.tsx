'use client';

import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { Checkbox } from '@/components/ui/checkbox';
import { formatMoney } from '@/components/ui/format';
import { LocalTime } from '@/components/ui/local-time';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { OrderListItem } from '@/lib/orders/queries/types';
import { useOrderSelection } from '@/lib/orders/store';
import { DispatchDeadline } from './dispatch-deadline';
import { OrderStatusBadge, PriorityBadge, WorkflowBadge } from './status-badges';

const DONE = new Set(['shipped', 'completed', 'cancelled']);

/** A sortable column header: a link that flips the URL's sort_by/sort_order. */
function SortHeader({
  field,
  label,
}: {
  field: 'order_date' | 'updated_at' | 'total_amount';
  label: string;
}) {
  const params = useSearchParams();
  const pathname = usePathname();
  const current = params.get('sort_by') ?? 'order_date';
  const order = params.get('sort_order') ?? 'desc';
  const next = new URLSearchParams(params.toString());
  next.set('sort_by', field);
  next.set('sort_order', current === field && order === 'desc' ? 'asc' : 'desc');
  next.delete('page');
  const Icon = current !== field ? ArrowUpDown : order === 'desc' ? ArrowDown : ArrowUp;
  return (
    <Link
      href={`${pathname}?${next}`}
      replace
      scroll={false}
      className="inline-flex items-center gap-1 hover:text-foreground"
    >
      {label}
      <Icon className="size-3.5" aria-hidden />
      <span className="sr-only">
        {current === field ? `, sorted ${order === 'desc' ? 'descending' : 'ascending'}` : ', sort'}
      </span>
    </Link>
  );
}

export function OrdersTable({ orders }: { orders: OrderListItem[] }) {
  const selected = useOrderSelection((state) => state.selected);
  const toggle = useOrderSelection((state) => state.toggle);
  const setMany = useOrderSelection((state) => state.setMany);
  const ids = orders.map((order) => order.id);
  const selectedHere = ids.filter((id) => selected.has(id)).length;
  const allState = selectedHere === 0 ? false : selectedHere === ids.length ? true : 'indeterminate';

  return (
    <div className="rounded-xl border bg-card">
      <Table>
        <caption className="sr-only">Orders</caption>
        <TableHeader>
          <TableRow>
            <TableHead className="w-10">
              <Checkbox
                aria-label="Select every order on this page"
                checked={allState}
                onCheckedChange={(checked) => setMany(ids, checked === true)}
              />
            </TableHead>
            <TableHead>
              <SortHeader field="order_date" label="Order · placed" />
            </TableHead>
            <TableHead>Buyer / destination</TableHead>
            <TableHead>Items</TableHead>
            <TableHead className="text-right">
              <SortHeader field="total_amount" label="Total" />
            </TableHead>
            <TableHead>Priority</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Dispatch by / tracking</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {orders.map((order) => (
            <TableRow
              key={order.id}
              data-state={selected.has(order.id) ? 'selected' : undefined}
              data-testid="order-row"
              className={order.overdue ? 'bg-red-50/60' : undefined}
            >
              <TableCell>
                <Checkbox
                  aria-label={`Select order ${order.tiktok_order_id}`}
                  checked={selected.has(order.id)}
                  onCheckedChange={() => toggle(order.id)}
                />
              </TableCell>
              <TableCell className="font-medium">
                <Link
                  href={`/orders/${order.id}`}
                  className="font-mono text-xs underline-offset-4 hover:underline"
                >
                  {order.tiktok_order_id}
                </Link>
                {order.backordered || order.on_hold_for_review ? (
                  <div className="mt-0.5 flex gap-1">
                    {order.backordered ? (
                      <span className="rounded bg-red-100 px-1.5 text-xs text-red-900">Backordered</span>
                    ) : null}
                    {order.on_hold_for_review ? (
                      <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-900">
                        Held for review
                      </span>
                    ) : null}
                  </div>
                ) : null}
                <div className="text-xs font-normal text-muted-foreground">
                  <LocalTime iso={order.order_date} short />
                </div>
              </TableCell>
              <TableCell>
                <div className="max-w-32 truncate">{order.buyer_name ?? '—'}</div>
                {order.destination ? (
                  <div className="text-xs text-muted-foreground">
                    {[order.destination.city, order.destination.state, order.destination.country]
                      .filter(Boolean)
                      .join(', ')}
                  </div>
                ) : null}
              </TableCell>
              <TableCell>
                <div className="max-w-40 truncate" title={order.items_preview}>
                  {order.items_preview || '—'}
                </div>
                <div className="text-xs text-muted-foreground">
                  {order.item_count} unit{order.item_count === 1 ? '' : 's'}
                </div>
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {formatMoney(order.total_cents, order.currency)}
              </TableCell>
              <TableCell>
                <PriorityBadge
                  priority={order.priority}
                  impactScore={order.impact_score}
                  velocity={order.estimated_velocity}
                />
              </TableCell>
              <TableCell>
                <div className="flex flex-col items-start gap-1">
                  <WorkflowBadge status={order.workflow_status} />
                  <OrderStatusBadge status={order.order_status} />
                </div>
              </TableCell>
              <TableCell>
                <DispatchDeadline
                  iso={order.dispatch_deadline}
                  overdue={order.overdue}
                  done={DONE.has(order.workflow_status)}
                />
                {order.tracking_number ? (
                  <div className="max-w-36 text-xs text-muted-foreground">
                    <div className="truncate font-mono" title={order.tracking_number}>
                      {order.tracking_number}
                    </div>
                    <div className="truncate">
                      {[order.shipping_provider, order.tracking_status?.replace(/_/g, ' ')]
                        .filter(Boolean)
                        .join(' · ')}
                    </div>
                  </div>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
