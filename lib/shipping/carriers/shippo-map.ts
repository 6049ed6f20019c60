import type { Rate, Track, TrackingStatus, Transaction } from 'shippo/models/components';
import { decimalToCents } from './money';
import { mapShippoTrackingStatus } from './status-map';
import type {
  Address,
  Parcel,
  PurchaseFailed,
  PurchaseOutcome,
  RateQuote,
  TrackingEvent,
  TrackingSnapshot,
} from './types';

// Translation between the normalised model and the Shippo SDK's (camelCase) objects.

export function toShippoAddress(address: Address) {
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
    isResidential: address.isResidential,
  };
}

/** Shippo wants dimensions and weight as strings. */
export function toShippoParcel(parcel: Parcel) {
  return {
    length: String(parcel.length),
    width: String(parcel.width),
    height: String(parcel.height),
    distanceUnit: parcel.distanceUnit,
    weight: String(parcel.weight),
    massUnit: parcel.massUnit,
  };
}

export function toRateQuote(rate: Rate): RateQuote {
  return {
    carrier: 'shippo',
    rateId: rate.objectId,
    shipmentId: rate.shipment,
    provider: rate.provider,
    serviceLevel: { token: rate.servicelevel.token ?? '', name: rate.servicelevel.name ?? '' },
    amountCents: decimalToCents(rate.amount),
    currency: rate.currency,
    estimatedDays: rate.estimatedDays ?? null,
    quotedAt: rate.objectCreated,
  };
}

/** Shippo carrier tokens are lower case with underscores (`usps`, `dhl_express`). */
export function shippoCarrierToken(provider: string): string {
  return provider
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function failureFromMessages(tx: Transaction): PurchaseFailed {
  const messages = (tx.messages ?? []).map((m) => [m.code, m.text].filter(Boolean).join(': '));
  const text = messages.join('; ') || 'The carrier returned ERROR without messages';
  if (/expired|no longer valid/i.test(text))
    return {
      kind: 'failed',
      code: 'rate_expired',
      reason: text,
      retryWithRequote: true,
      carrierMessages: messages,
    };
  if (/address/i.test(text))
    return { kind: 'failed', code: 'address_invalid', reason: text, carrierMessages: messages };
  return { kind: 'failed', code: 'carrier_rejected', reason: text, carrierMessages: messages };
}

/** A transaction in a final state -> outcome. QUEUED/WAITING and refund states are `unknown`. */
export function outcomeFromTransaction(tx: Transaction, fallbackRate: RateQuote): PurchaseOutcome {
  if (tx.status === 'ERROR') return failureFromMessages(tx);
  if (tx.status === 'SUCCESS' && tx.objectId && tx.trackingNumber && tx.labelUrl) {
    const rateId = typeof tx.rate === 'string' ? tx.rate : (tx.rate?.objectId ?? fallbackRate.rateId);
    return {
      kind: 'purchased',
      carrier: 'shippo',
      transactionId: tx.objectId,
      shipmentId: fallbackRate.shipmentId,
      rateId,
      provider: fallbackRate.provider,
      trackingNumber: tx.trackingNumber,
      labelUrl: tx.labelUrl,
      trackingUrl: tx.trackingUrlProvider || null,
    };
  }
  return { kind: 'unknown', reason: `transaction ${tx.objectId ?? '?'} is ${tx.status ?? 'without status'}` };
}

function toEvent(status: TrackingStatus): TrackingEvent {
  return {
    status: mapShippoTrackingStatus(status.status, status.substatus),
    carrierStatus: status.status,
    carrierSubstatus: status.substatus?.code ?? null,
    description: status.statusDetails,
    occurredAt: status.statusDate ?? status.objectCreated,
    location: status.location ?? null,
  };
}

export function toTrackingSnapshot(track: Track): TrackingSnapshot {
  const latest = track.trackingStatus;
  return {
    carrier: 'shippo',
    trackingNumber: track.trackingNumber,
    status: latest ? mapShippoTrackingStatus(latest.status, latest.substatus) : 'unknown',
    carrierStatus: latest?.status ?? 'UNKNOWN',
    carrierSubstatus: latest?.substatus?.code ?? null,
    statusAt: latest ? (latest.statusDate ?? latest.objectCreated) : null,
    eta: track.eta ?? null,
    events: track.trackingHistory.map(toEvent),
  };
}
