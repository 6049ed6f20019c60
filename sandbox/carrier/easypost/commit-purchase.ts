import type { SandboxContext } from '../core/context';
import { easyPostId, sandboxTrackingNumber } from '../core/ids';
import { renderLabelPdf } from '../core/label-pdf';
import { addressLines } from '../core/magic';
import { SANDBOX_SERVICES } from '../core/rate-table';
import type { Json } from '../core/state';
import { startLabelTracking } from '../core/tracking';
import { trackerWire } from './wire';

// The moment an EasyPost label is bought: tracking number, label PDF, auto-created tracker,
// the shipment's postage fields and the purchase ledger entry, all at once.

export function commitEasyPostPurchase(ctx: SandboxContext, shipment: Json, rate: Json): void {
  const { state } = ctx;
  const now = ctx.nowIso();
  const mode = String(shipment.mode);
  const trackingNumber = sandboxTrackingNumber((n) => state.parcels.has(n));
  const labelId = easyPostId('pl');
  const labelUrl = `${ctx.publicUrl()}/__sandbox/labels/${labelId}.pdf`;
  const from = shipment.from_address as Json;
  const to = shipment.to_address as Json;
  const service = SANDBOX_SERVICES.find(
    (s) => s.easyPostService === rate.service && s.carrier === rate.carrier,
  );
  state.labels.set(labelId, {
    trackingNumber,
    pdf: renderLabelPdf({
      carrier: String(rate.carrier),
      service: service?.name ?? String(rate.service),
      trackingNumber,
      from: addressLines(from),
      to: addressLines(to),
    }),
  });
  const tracker: Json = {
    id: easyPostId('trk'),
    object: 'Tracker',
    mode,
    tracking_code: trackingNumber,
    created_at: now,
    updated_at: now,
    shipment_id: shipment.id,
    weight: (shipment.parcel as Json).weight,
  };
  state.easypost.trackers.set(tracker.id as string, tracker);
  const place = (a: Json) => ({
    city: a.city as string,
    state: a.state as string,
    zip: a.zip as string,
    country: String(a.country),
  });
  const parcel = startLabelTracking(
    state,
    {
      trackingNumber,
      provider: 'easypost',
      carrierName: String(rate.carrier),
      service: { token: String(rate.service), name: service?.name ?? String(rate.service) },
      estimatedDays: Number(rate.delivery_days ?? 3),
      origin: place(from),
      destination: place(to),
      metadata: String(shipment.reference ?? ''),
      shipmentId: String(shipment.id),
      trackerId: String(tracker.id),
    },
    ctx.clock.now(),
  );
  Object.assign(shipment, {
    updated_at: now,
    tracking_code: trackingNumber,
    selected_rate: rate,
    postage_label: {
      object: 'PostageLabel',
      id: labelId,
      created_at: now,
      updated_at: now,
      date_advance: 0,
      integrated_form: 'none',
      label_date: now,
      label_resolution: 300,
      label_size: '4x6',
      label_type: 'default',
      label_file_type: 'application/pdf',
      label_url: labelUrl,
      label_pdf_url: labelUrl,
      label_zpl_url: null,
      label_epl2_url: null,
      label_file: null,
    },
    tracker: trackerWire(parcel, tracker, ctx.publicUrl()),
    fees: [
      { object: 'Fee', type: 'LabelFee', amount: '0.00000', charged: true, refunded: false },
      {
        object: 'Fee',
        type: 'PostageFee',
        amount: Number(rate.rate).toFixed(5),
        charged: true,
        refunded: false,
      },
    ],
  });
  state.purchases.push({
    provider: 'easypost',
    purchaseId: String(shipment.id),
    rateId: String(rate.id),
    shipmentId: String(shipment.id),
    reference: String(shipment.reference ?? ''),
    trackingNumber,
    status: 'SUCCESS',
    carrier: String(rate.carrier),
    serviceLevel: String(rate.service),
    amount: String(rate.rate),
    currency: String(rate.currency),
    labelUrl,
    createdAt: now,
  });
}
