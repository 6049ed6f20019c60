import type { SandboxContext } from '../core/context';
import { isoAt, sandboxTrackingNumber } from '../core/ids';
import { renderLabelPdf } from '../core/label-pdf';
import { addressLines, hasMagic } from '../core/magic';
import type { Json, Location, PurchaseRecord } from '../core/state';
import { startLabelTracking } from '../core/tracking';

// What a Shippo purchase decides when it is committed: either the ERROR message it will
// end with, or a label whose ledger entry exists from now on (QUEUED until it resolves).

const RATE_LIFETIME_MS = 7 * 86_400_000;

/** The reason this purchase will end in ERROR, if any (rate age first, then magic words). */
export function purchaseFailure(ctx: SandboxContext, rate: Json, metadata: string): Json | undefined {
  if (Date.parse(String(rate.object_created)) + RATE_LIFETIME_MS < ctx.clock.now()) {
    return { source: 'Shippo', code: 'rate_expired', text: 'Rate has expired' };
  }
  if (hasMagic(metadata, 'FAIL_CARRIER')) {
    return {
      source: 'SandboxCarrier',
      code: 'carrier_error',
      text: 'The carrier rejected the label request',
    };
  }
  if (hasMagic(metadata, 'FAIL_ADDRESS')) {
    return { source: String(rate.provider), code: 'address_invalid', text: 'Address validation failed' };
  }
  return undefined;
}

const place = (address: Json): Location => ({
  city: address.city as string | undefined,
  state: address.state as string | undefined,
  zip: address.zip as string | undefined,
  country: String(address.country),
});

/**
 * Records the purchase in the ledger now and returns `finalize`, which issues the label
 * (PDF, tracking, SUCCESS fields) when the transaction resolves.
 */
export function commitShippoLabel(ctx: SandboxContext, tx: Json, rate: Json, shipment: Json): () => void {
  const { state } = ctx;
  const id = String(tx.object_id);
  const metadata = String(tx.metadata ?? '');
  const trackingNumber = sandboxTrackingNumber((n) => state.parcels.has(n));
  const base = ctx.publicUrl();
  const labelUrl = `${base}/__sandbox/labels/${id}.pdf`;
  const service = rate.servicelevel as { token: string; name: string };
  const purchase: PurchaseRecord = {
    provider: 'shippo',
    purchaseId: id,
    rateId: String(rate.object_id),
    shipmentId: String(rate.shipment),
    reference: metadata,
    trackingNumber,
    status: 'QUEUED',
    carrier: String(rate.provider),
    serviceLevel: service.token,
    amount: String(rate.amount),
    currency: String(rate.currency),
    labelUrl,
    createdAt: String(tx.object_created),
  };
  state.purchases.push(purchase);

  return () => {
    const from = shipment.address_from as Json;
    const to = shipment.address_to as Json;
    const pdf = renderLabelPdf({
      carrier: String(rate.provider),
      service: service.name,
      trackingNumber,
      from: addressLines(from),
      to: addressLines(to),
    });
    state.labels.set(id, { trackingNumber, pdf });
    const parcel = startLabelTracking(
      state,
      {
        trackingNumber,
        provider: 'shippo',
        carrierName: String(rate.provider),
        service,
        estimatedDays: Number(rate.estimated_days ?? 3),
        origin: place(from),
        destination: place(to),
        metadata,
        transactionId: id,
        shipmentId: String(rate.shipment),
      },
      ctx.clock.now(),
    );
    Object.assign(tx, {
      status: 'SUCCESS',
      tracking_number: trackingNumber,
      tracking_status: 'PRE_TRANSIT',
      label_url: labelUrl,
      tracking_url_provider: `${base}/__sandbox/track/${trackingNumber}`,
      eta: isoAt(parcel.etaMs ?? ctx.clock.now()),
      object_updated: ctx.nowIso(),
    });
    purchase.status = 'SUCCESS';
  };
}
