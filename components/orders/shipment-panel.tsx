import { Download, ExternalLink } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { formatMoney } from '@/components/ui/format';
import { LocalTime } from '@/components/ui/local-time';
import type { OrderDetail } from '@/lib/orders/queries/types';

const humanize = (value: string) => value.replace(/_/g, ' ');

/** Shipments (label, rate, tracking) and the carrier's tracking events for one order. */
export function ShipmentPanel({ order }: { order: OrderDetail }) {
  const { shipments } = order.shipping_info;
  return (
    <div className="space-y-4">
      {shipments.length === 0 ? <p className="text-sm text-muted-foreground">No label bought yet.</p> : null}
      {shipments.map((shipment) => (
        <div key={shipment.id} className="rounded-lg border p-3 text-sm" data-testid="shipment">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <div>
              <p className="font-medium">
                {[shipment.provider, shipment.servicelevel_name].filter(Boolean).join(' · ') ||
                  shipment.carrier}
              </p>
              <p className="text-xs text-muted-foreground">
                Label {humanize(shipment.status)}
                {shipment.rate_amount_cents !== null
                  ? ` · ${formatMoney(shipment.rate_amount_cents, shipment.currency ?? 'USD')}`
                  : ''}
                {shipment.estimated_days
                  ? ` · ${shipment.estimated_days} day${shipment.estimated_days === 1 ? '' : 's'}`
                  : ''}
              </p>
            </div>
            {shipment.label_download_url ? (
              <Button variant="outline" size="sm" asChild>
                <a href={shipment.label_download_url} download>
                  <Download aria-hidden /> Label PDF
                </a>
              </Button>
            ) : null}
          </div>
          {shipment.tracking_number ? (
            <p className="mt-2 flex items-center gap-2">
              <span className="font-mono text-xs">{shipment.tracking_number}</span>
              <span className="text-xs text-muted-foreground">{humanize(shipment.tracking_status)}</span>
              {shipment.tracking_url ? (
                <a
                  href={shipment.tracking_url}
                  target="_blank"
                  rel="noreferrer"
                  className="inline-flex items-center gap-1 text-xs underline"
                >
                  Track <ExternalLink className="size-3" aria-hidden />
                  <span className="sr-only">(opens the carrier’s page)</span>
                </a>
              ) : null}
            </p>
          ) : null}
          {shipment.last_error ? <p className="mt-2 text-xs text-red-700">{shipment.last_error}</p> : null}
        </div>
      ))}
      {order.tracking_info?.events.length ? (
        <div>
          <h3 className="mb-2 text-sm font-medium">Tracking events</h3>
          <ol className="space-y-2 text-sm">
            {order.tracking_info.events.map((event) => (
              <li key={event.id} className="flex gap-3">
                <span className="w-40 shrink-0 text-xs text-muted-foreground">
                  <LocalTime iso={event.occurred_at} />
                </span>
                <span>
                  <span className="font-medium capitalize">{humanize(event.status)}</span>
                  {event.description ? ` — ${event.description}` : ''}
                  {event.location ? <span className="text-muted-foreground"> · {event.location}</span> : null}
                </span>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {order.tracking_info ? (
        <p className="text-xs text-muted-foreground">
          {order.tracking_info.pushed_to_tiktok_at ? (
            <>
              Tracking sent to TikTok Shop <LocalTime iso={order.tracking_info.pushed_to_tiktok_at} />
            </>
          ) : (
            'Tracking not yet sent to TikTok Shop'
          )}
        </p>
      ) : null}
    </div>
  );
}
