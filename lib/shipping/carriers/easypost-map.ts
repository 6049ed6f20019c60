import type { EasyPostShipment, EasyPostTracker } from './easypost-schemas';
import { easyPostRateSchema } from './easypost-schemas';
import { decimalToCents } from './money';
import { mapEasyPostTrackingStatus } from './status-map';
import type { Address, Parcel, PurchasedLabel, RateQuote, TrackingSnapshot } from './types';
import type { z } from 'zod';

// Translation between the normalised model and EasyPost objects (snake_case, inches, ounces).

const OUNCES_PER = { oz: 1, lb: 16, g: 1 / 28.349523125, kg: 1000 / 28.349523125 } as const;
const INCHES_PER = { in: 1, cm: 1 / 2.54 } as const;
const round1 = (value: number) => Math.round(value * 10) / 10;

export function toEasyPostAddress(address: Address) {
  return {
    name: address.name,
    company: address.company,
    street1: address.street1,
    street2: address.street2,
    city: address.city,
    state: address.state,
    zip: address.zip,
    country: address.country,
    phone: address.phone,
    email: address.email,
    residential: address.isResidential,
  };
}

/** EasyPost parcels are inches and ounces (one decimal). */
export function toEasyPostParcel(parcel: Parcel) {
  const inches = INCHES_PER[parcel.distanceUnit];
  return {
    length: round1(parcel.length * inches),
    width: round1(parcel.width * inches),
    height: round1(parcel.height * inches),
    weight: round1(parcel.weight * OUNCES_PER[parcel.massUnit]),
  };
}

const humanise = (service: string) => service.replace(/([a-z])([A-Z0-9])/g, '$1 $2').replace(/_/g, ' ');

export function toRateQuote(rate: z.output<typeof easyPostRateSchema>): RateQuote {
  return {
    carrier: 'easypost',
    rateId: rate.id,
    shipmentId: rate.shipment_id,
    provider: rate.carrier,
    serviceLevel: { token: rate.service, name: humanise(rate.service) },
    amountCents: decimalToCents(rate.rate),
    currency: rate.currency,
    estimatedDays: rate.delivery_days ?? rate.est_delivery_days ?? null,
    quotedAt: new Date(rate.created_at),
  };
}

/** A shipment with postage -> the purchased label; undefined when it has none. */
export function labelFromShipment(
  shipment: EasyPostShipment,
  fallbackRateId: string,
): PurchasedLabel | undefined {
  if (!shipment.postage_label?.label_url || !shipment.tracking_code) return undefined;
  return {
    kind: 'purchased',
    carrier: 'easypost',
    transactionId: shipment.id,
    shipmentId: shipment.id,
    rateId: shipment.selected_rate?.id ?? fallbackRateId,
    provider: shipment.selected_rate?.carrier ?? '',
    trackingNumber: shipment.tracking_code,
    labelUrl: shipment.postage_label.label_url,
    trackingUrl: shipment.tracker?.public_url ?? null,
  };
}

export function toTrackingSnapshot(tracker: EasyPostTracker): TrackingSnapshot {
  const events = tracker.tracking_details.map((detail) => ({
    status: mapEasyPostTrackingStatus(detail.status, detail.status_detail),
    carrierStatus: detail.status,
    carrierSubstatus: detail.status_detail ?? null,
    description: detail.message ?? '',
    occurredAt: new Date(detail.datetime),
    location: detail.tracking_location
      ? {
          city: detail.tracking_location.city ?? undefined,
          state: detail.tracking_location.state ?? undefined,
          zip: detail.tracking_location.zip ?? undefined,
          country: detail.tracking_location.country ?? undefined,
        }
      : null,
  }));
  return {
    carrier: 'easypost',
    trackingNumber: tracker.tracking_code,
    status: mapEasyPostTrackingStatus(tracker.status, tracker.status_detail),
    carrierStatus: tracker.status,
    carrierSubstatus: tracker.status_detail ?? null,
    statusAt: events.at(-1)?.occurredAt ?? (tracker.updated_at ? new Date(tracker.updated_at) : null),
    eta: tracker.est_delivery_date ? new Date(tracker.est_delivery_date) : null,
    events,
  };
}
