// Shipments, label documents and carrier tracking events.
import { tables } from '@/lib/db';
import { insertRow, token, type Insert, type Options, type ShipmentRow } from './support';

/** A purchased label by default (rate, tracking number, label URL); override status for others. */
export function createShipment(
  accountId: string,
  orderId: string,
  overrides: Insert<typeof tables.shipments> = {},
  options?: Options,
): Promise<ShipmentRow> {
  const ref = token();
  return insertRow(tables.shipments, {
    accountId,
    orderId,
    packageRef: `pkg_${ref}`,
    carrier: 'shippo',
    status: 'purchased',
    rateAmountCents: 612,
    currency: 'USD',
    provider: 'USPS',
    servicelevelName: 'Ground Advantage',
    servicelevelToken: 'usps_ground_advantage',
    estimatedDays: 3,
    transactionId: `txn_${ref}`,
    trackingNumber: `9400${Date.now().toString().slice(-10)}${Math.floor(Math.random() * 1e4)}`,
    trackingUrl: `https://tracking.example/${ref}`,
    labelUrl: `https://labels.example/${ref}.pdf`,
    trackingStatus: 'label_created',
    purchasedAt: new Date(),
    ...overrides,
  }, options);
}

export function createLabelDocument(
  accountId: string,
  shipmentId: string,
  input: { bytes?: Buffer; contentType?: string } = {},
  options?: Options,
): Promise<typeof tables.labelDocuments.$inferSelect> {
  return insertRow(tables.labelDocuments, {
    accountId,
    shipmentId,
    contentType: input.contentType ?? 'application/pdf',
    bytes: input.bytes ?? Buffer.from('%PDF-1.4 test label'),
  }, options);
}

export function createTrackingEvent(
  accountId: string,
  shipment: Pick<ShipmentRow, 'id' | 'carrier' | 'trackingNumber'>,
  overrides: Insert<typeof tables.trackingEvents> = {},
  options?: Options,
): Promise<typeof tables.trackingEvents.$inferSelect> {
  return insertRow(tables.trackingEvents, {
    accountId,
    shipmentId: shipment.id,
    carrier: shipment.carrier,
    trackingNumber: shipment.trackingNumber ?? 'unknown',
    status: 'in_transit',
    description: 'Departed facility',
    location: { city: 'Oakland', state: 'CA' },
    occurredAt: new Date(),
    dedupeKey: token(),
    ...overrides,
  }, options);
}
