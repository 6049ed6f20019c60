import 'server-only';
import { sql } from 'drizzle-orm';
import type { Tx } from '@/lib/db';
import { iso } from './map-order-row';
import type { ShipmentDetail, TrackingEventDetail } from './types';

type ShipmentRow = Omit<ShipmentDetail, 'purchased_at' | 'voided_at' | 'label_download_url'> & {
  label_url: string | null;
  purchased_at: Date | string | null;
  voided_at: Date | string | null;
};
type EventRow = Omit<TrackingEventDetail, 'occurred_at' | 'location'> & {
  occurred_at: Date | string;
  location: Record<string, unknown> | null;
};

/** Where the dashboard downloads a label: our route, which serves the stored PDF or redirects. */
export const labelDownloadPath = (shipmentId: string): string => `/api/labels/${shipmentId}`;

/** A label is offered for printing only while it is valid: bought, and not voided (or being voided). */
export const isPrintableLabel = (status: string): boolean => status === 'purchased';

/** "Oakland, CA, US" from a carrier's location object, whatever subset of fields it has. */
export function formatLocation(location: Record<string, unknown> | null): string | null {
  if (!location) return null;
  const parts = ['city', 'state', 'zip', 'country']
    .map((key) => location[key])
    .filter((value): value is string => typeof value === 'string' && value.trim() !== '');
  return parts.length ? parts.join(', ') : null;
}

type OrderShipping = { shipments: ShipmentDetail[]; events: TrackingEventDetail[] };

/**
 * The shipments (newest first) and tracking events (newest first) of each of these orders, keyed by
 * order id: two statements however many orders. Orders without any get empty lists. Caller holds RLS.
 */
export async function loadOrdersShipping(tx: Tx, accountId: string, orderIds: readonly string[]): Promise<Map<string, OrderShipping>> {
  const byOrder = new Map<string, OrderShipping>(orderIds.map((id) => [id, { shipments: [], events: [] }]));
  if (orderIds.length === 0) return byOrder;
  const ids = sql`${sql.param(orderIds)}::uuid[]`;
  const shipments = await tx.execute<ShipmentRow & { order_id: string }>(sql`
    select s.order_id, s.id, s.carrier, s.status, s.provider, s.service_level, s.servicelevel_name, s.rate_amount_cents, s.currency,
      s.estimated_days, s.tracking_number, s.tracking_url, s.tracking_status, s.label_url,
      exists (select 1 from public.label_documents d where d.shipment_id = s.id) as has_label,
      s.purchased_at, s.voided_at, s.last_error
    from public.shipments s
    where s.order_id = any(${ids}) and s.account_id = ${accountId}
    order by s.created_at desc`);
  const events = await tx.execute<EventRow & { order_id: string }>(sql`
    select s.order_id, e.id, e.shipment_id, e.status, e.carrier_status, e.description, e.location, e.occurred_at
    from public.tracking_events e
    join public.shipments s on s.id = e.shipment_id
    where s.order_id = any(${ids}) and e.account_id = ${accountId}
    order by e.occurred_at desc, e.created_at desc`);
  for (const { order_id: orderId, label_url, ...shipment } of shipments.rows) {
    byOrder.get(orderId)?.shipments.push({
      ...shipment,
      has_label: shipment.has_label || Boolean(label_url),
      label_download_url:
        (shipment.has_label || label_url) && isPrintableLabel(shipment.status)
          ? labelDownloadPath(shipment.id)
          : null,
      purchased_at: iso(shipment.purchased_at),
      voided_at: iso(shipment.voided_at),
    });
  }
  for (const { order_id: orderId, ...event } of events.rows) {
    byOrder.get(orderId)?.events.push({
      ...event,
      location: formatLocation(event.location),
      occurred_at: iso(event.occurred_at)!,
    });
  }
  return byOrder;
}
