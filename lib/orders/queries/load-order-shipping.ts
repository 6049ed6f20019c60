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

/** An order's shipments (newest first) and their tracking events (newest first). Caller holds RLS. */
export async function loadOrderShipping(
  tx: Tx,
  accountId: string,
  orderId: string,
): Promise<{ shipments: ShipmentDetail[]; events: TrackingEventDetail[] }> {
  const shipments = await tx.execute<ShipmentRow>(sql`
    select s.id, s.carrier, s.status, s.provider, s.service_level, s.servicelevel_name, s.rate_amount_cents, s.currency,
      s.estimated_days, s.tracking_number, s.tracking_url, s.tracking_status, s.label_url,
      exists (select 1 from public.label_documents d where d.shipment_id = s.id) as has_label,
      s.purchased_at, s.voided_at, s.last_error
    from public.shipments s
    where s.order_id = ${orderId} and s.account_id = ${accountId}
    order by s.created_at desc`);
  const events = await tx.execute<EventRow>(sql`
    select e.id, e.shipment_id, e.status, e.carrier_status, e.description, e.location, e.occurred_at
    from public.tracking_events e
    join public.shipments s on s.id = e.shipment_id
    where s.order_id = ${orderId} and e.account_id = ${accountId}
    order by e.occurred_at desc, e.created_at desc`);
  return {
    shipments: shipments.rows.map(({ label_url, ...shipment }) => ({
      ...shipment,
      has_label: shipment.has_label || Boolean(label_url),
      label_download_url:
        (shipment.has_label || label_url) && isPrintableLabel(shipment.status)
          ? labelDownloadPath(shipment.id)
          : null,
      purchased_at: iso(shipment.purchased_at),
      voided_at: iso(shipment.voided_at),
    })),
    events: events.rows.map((event) => ({
      ...event,
      location: formatLocation(event.location),
      occurred_at: iso(event.occurred_at)!,
    })),
  };
}
