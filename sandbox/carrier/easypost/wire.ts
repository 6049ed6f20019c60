import { createHash } from 'node:crypto';
import { easyPostId, isoAt } from '../core/ids';
import type { PricedService } from '../core/rate-table';
import { formatCents } from '../core/rate-table';
import type { Json, TrackedParcel } from '../core/state';
import { STEP_WIRE } from '../core/tracking-steps';
import type { EasyPostAddressInput, EasyPostParcelInput } from './schemas';

// EasyPost object shapes, field names as in the official client's types and HAR cassettes.

export const easyPostMode = (testMode: boolean) => (testMode ? 'test' : 'production');
export const easyPostCarrierAccount = (carrier: string) =>
  `ca_${createHash('md5').update(`sandbox-carrier:${carrier}`).digest('hex')}`;

export function addressWire(input: EasyPostAddressInput, mode: string, now: string): Json {
  return {
    id: easyPostId('adr'),
    object: 'Address',
    mode,
    created_at: now,
    updated_at: now,
    name: input.name ?? null,
    company: input.company ?? null,
    street1: input.street1,
    street2: input.street2 ?? null,
    city: input.city ?? null,
    state: input.state ?? null,
    zip: input.zip ?? null,
    country: input.country,
    phone: input.phone ?? null,
    email: input.email ?? null,
    residential: null,
    verifications: {},
  };
}

export function parcelWire(input: EasyPostParcelInput, mode: string, now: string): Json {
  return {
    id: easyPostId('prcl'),
    object: 'Parcel',
    mode,
    created_at: now,
    updated_at: now,
    length: input.length ?? null,
    width: input.width ?? null,
    height: input.height ?? null,
    weight: input.weight,
    predefined_package: null,
  };
}

export function rateWire(priced: PricedService, shipmentId: string, mode: string, now: string): Json {
  const amount = formatCents(priced.amountCents);
  return {
    id: easyPostId('rate'),
    object: 'Rate',
    mode,
    created_at: now,
    updated_at: now,
    service: priced.service.easyPostService,
    carrier: priced.service.carrier,
    rate: amount,
    currency: 'USD',
    retail_rate: formatCents(Math.round(priced.amountCents * 1.15)),
    retail_currency: 'USD',
    list_rate: formatCents(Math.round(priced.amountCents * 1.08)),
    list_currency: 'USD',
    billing_type: 'easypost',
    delivery_days: priced.estimatedDays,
    delivery_date: null,
    delivery_date_guaranteed: false,
    est_delivery_days: priced.estimatedDays,
    shipment_id: shipmentId,
    carrier_account_id: easyPostCarrierAccount(priced.service.carrier),
  };
}

/** A Tracker as it stood after `historyLength` steps of the simulated parcel. */
export function trackerWire(
  parcel: TrackedParcel,
  tracker: Json,
  publicUrl: string,
  historyLength = parcel.history.length,
): Json {
  const history = parcel.history.slice(0, historyLength);
  const last = history[history.length - 1];
  const lastWire = last ? STEP_WIRE[last.kind] : STEP_WIRE.unknown;
  const details = history.map((step) => {
    const wire = STEP_WIRE[step.kind];
    const place =
      wire.at === 'origin' ? parcel.origin : wire.at === 'destination' ? parcel.destination : undefined;
    return {
      object: 'TrackingDetail',
      message: wire.text,
      description: '',
      status: wire.easyPost.status,
      status_detail: wire.easyPost.detail,
      datetime: isoAt(step.atMs),
      source: parcel.carrierName,
      carrier_code: '',
      tracking_location: {
        object: 'TrackingLocation',
        city: place?.city ?? null,
        state: place?.state ?? null,
        country: place?.country ?? null,
        zip: place?.zip ?? null,
      },
    };
  });
  return {
    ...tracker,
    updated_at: last ? isoAt(last.atMs) : tracker.updated_at,
    status: lastWire.easyPost.status,
    status_detail: lastWire.easyPost.detail,
    signed_by: last?.kind === 'delivered' ? 'John Tester' : null,
    est_delivery_date: parcel.etaMs ? isoAt(parcel.etaMs) : null,
    carrier: parcel.carrierName,
    tracking_details: details,
    carrier_detail: {
      object: 'CarrierDetail',
      service: parcel.service?.name ?? null,
      origin_location: parcel.origin?.city ?? null,
      destination_location: parcel.destination?.city ?? null,
    },
    public_url: `${publicUrl}/__sandbox/track/${parcel.trackingNumber}`,
    finalized: ['delivered', 'returned', 'lost'].includes(last?.kind ?? ''),
    is_return: last?.kind === 'returned',
    fees: [],
  };
}

/**
 * EasyPost's servers emit floats with a decimal point (`"weight": 136.0`); the official
 * client's `validateWebhook` rewrites integer weights to `.0` before checking the HMAC, so the
 * sandbox must sign and send that exact text (easypost-node#467).
 */
export function easyPostJson(value: unknown): string {
  return JSON.stringify(value).replace(/("weight":)(-?\d+)(?=[,}])/g, '$1$2.0');
}
