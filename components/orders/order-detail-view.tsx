'use client';

import { AlertTriangle, ArrowLeft, Printer } from 'lucide-react';
import Link from 'next/link';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader } from '@/components/ui/card';
import { formatMoney } from '@/components/ui/format';
import { LocalTime } from '@/components/ui/local-time';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { describeApiError, useLiveOrders, useOrder } from '@/lib/orders/hooks';
import type { OrderDetail } from '@/lib/orders/queries/types';
import { LiveIndicator } from '@/lib/realtime/client';
import { DispatchDeadline } from './dispatch-deadline';
import { OrderTimeline } from './order-timeline';
import { ShipmentPanel } from './shipment-panel';
import { StatusActions } from './status-actions';
import { OrderStatusBadge, PriorityBadge, WorkflowBadge } from './status-badges';

/** One order, live: items, totals, address, shipments and tracking, history, manual actions. */
export function OrderDetailView({
  accountId,
  initial,
  canUpdate,
}: {
  accountId: string;
  initial: OrderDetail;
  canUpdate: boolean;
}) {
  const query = useOrder(initial.id, initial);
  const status = useLiveOrders(accountId);
  const order = query.data ?? initial;
  const recipient = order.recipient;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-2">
          <Link
            href="/orders"
            className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
          >
            <ArrowLeft className="size-4" aria-hidden /> Orders
          </Link>
          <h1 className="font-mono text-2xl font-semibold tracking-tight">{order.tiktok_order_id}</h1>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <PriorityBadge
              priority={order.priority}
              impactScore={order.impact_score}
              velocity={order.estimated_velocity}
            />
            <WorkflowBadge status={order.workflow_status} />
            <OrderStatusBadge status={order.order_status} />
            <span className="text-muted-foreground">
              {order.shop.name} · placed <LocalTime iso={order.order_date} />
            </span>
            <LiveIndicator status={status} />
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button variant="outline" size="sm" asChild>
            <Link href={`/orders/${order.id}/packing-slip`}>
              <Printer aria-hidden /> Packing slip
            </Link>
          </Button>
          {canUpdate ? (
            <StatusActions
              orderId={order.id}
              status={order.workflow_status}
              onHold={order.on_hold_for_review}
            />
          ) : null}
        </div>
      </div>

      {query.isError ? (
        <Alert variant="warning">
          <AlertTitle>Live updates paused</AlertTitle>
          <AlertDescription>{describeApiError(query.error)}</AlertDescription>
        </Alert>
      ) : null}
      {order.workflow.last_error || order.workflow.backordered || order.workflow.on_hold_for_review ? (
        <Alert variant={order.workflow.last_error ? 'destructive' : 'warning'}>
          <AlertTriangle aria-hidden />
          <AlertTitle>
            {order.workflow.backordered
              ? 'Backordered: not enough stock to reserve'
              : order.workflow.on_hold_for_review
                ? 'On hold for review'
                : 'Pipeline error'}
          </AlertTitle>
          <AlertDescription>
            {order.workflow.hold_reason ??
              order.workflow.last_error ??
              'The order waits until stock arrives.'}
          </AlertDescription>
        </Alert>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <h2 className="leading-none font-semibold">Items</h2>
          </CardHeader>
          <CardContent>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Product</TableHead>
                  <TableHead>SKU</TableHead>
                  <TableHead className="text-right">Qty</TableHead>
                  <TableHead className="text-right">Price</TableHead>
                  <TableHead className="text-right">Total</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {order.items.map((item) => (
                  <TableRow key={item.id}>
                    <TableCell className="whitespace-normal">
                      {item.product_name}
                      {item.sku_name ? (
                        <span className="text-muted-foreground"> · {item.sku_name}</span>
                      ) : null}
                    </TableCell>
                    <TableCell className="font-mono text-xs">
                      {item.seller_sku ?? item.tiktok_sku_id}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{item.quantity}</TableCell>
                    <TableCell className="text-right tabular-nums">
                      {formatMoney(item.unit_price_cents, order.currency)}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">
                      {formatMoney(item.line_total_cents, order.currency)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <dl className="mt-4 ml-auto grid w-64 grid-cols-2 gap-1 text-sm">
              <dt className="text-muted-foreground">Subtotal</dt>
              <dd className="text-right tabular-nums">{formatMoney(order.subtotal_cents, order.currency)}</dd>
              <dt className="text-muted-foreground">Shipping</dt>
              <dd className="text-right tabular-nums">
                {formatMoney(order.shipping_fee_cents, order.currency)}
              </dd>
              <dt className="text-muted-foreground">Tax</dt>
              <dd className="text-right tabular-nums">{formatMoney(order.tax_cents, order.currency)}</dd>
              <dt className="font-medium">Total</dt>
              <dd className="text-right font-medium tabular-nums">
                {formatMoney(order.total_cents, order.currency)}
              </dd>
            </dl>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <h2 className="leading-none font-semibold">Ship to</h2>
          </CardHeader>
          <CardContent className="space-y-3 text-sm">
            {recipient ? (
              <address className="not-italic">
                <p className="font-medium">{recipient.name}</p>
                <p>{recipient.addressLine1}</p>
                {recipient.addressLine2 ? <p>{recipient.addressLine2}</p> : null}
                <p>
                  {recipient.city}, {recipient.state} {recipient.postalCode}
                </p>
                <p>{recipient.country}</p>
                {recipient.phone ? <p className="text-muted-foreground">{recipient.phone}</p> : null}
              </address>
            ) : (
              <p className="text-muted-foreground">No address received from TikTok yet.</p>
            )}
            <dl className="grid grid-cols-2 gap-1">
              <dt className="text-muted-foreground">Service</dt>
              <dd className="capitalize">{order.workflow.service_level}</dd>
              <dt className="text-muted-foreground">Queue</dt>
              <dd className="capitalize">{order.workflow.processing_queue}</dd>
              <dt className="text-muted-foreground">Dispatch by</dt>
              <dd>
                <DispatchDeadline
                  iso={order.dispatch_deadline}
                  overdue={order.overdue}
                  done={['shipped', 'completed', 'cancelled'].includes(order.workflow_status)}
                />
              </dd>
              {order.viral_content_id ? (
                <>
                  <dt className="text-muted-foreground">From video</dt>
                  <dd className="truncate font-mono text-xs">{order.viral_content_id}</dd>
                </>
              ) : null}
            </dl>
            {order.buyer_message ? <p className="rounded-md bg-muted p-2">“{order.buyer_message}”</p> : null}
          </CardContent>
        </Card>

        <Card className="lg:col-span-2">
          <CardHeader>
            <h2 className="leading-none font-semibold">Shipping and tracking</h2>
          </CardHeader>
          <CardContent>
            <ShipmentPanel order={order} />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <h2 className="leading-none font-semibold">History</h2>
          </CardHeader>
          <CardContent>
            <OrderTimeline history={order.status_history} />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
