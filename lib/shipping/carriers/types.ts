import type { NormalisedTrackingStatus } from './status-map';

// The normalised carrier model (after Karrio's split: rate request -> quotes, purchase ->
// label, tracking request -> snapshot). Adapters translate each provider into these
// shapes; nothing outside lib/shipping/carriers sees a provider's wire format.

export type CarrierName = 'shippo' | 'easypost';

export interface Address {
  name: string;
  company?: string;
  street1: string;
  street2?: string;
  city: string;
  state: string;
  zip: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  phone?: string;
  email?: string;
  isResidential?: boolean;
}

export interface Parcel {
  length: number;
  width: number;
  height: number;
  distanceUnit: 'in' | 'cm';
  weight: number;
  massUnit: 'oz' | 'lb' | 'g' | 'kg';
}

export interface RateRequest {
  from: Address;
  to: Address;
  parcel: Parcel;
  /** Our package reference; stored on the provider's shipment (Shippo metadata, EasyPost reference). */
  reference: string;
}

export interface ServiceLevel {
  token: string;
  name: string;
}

export interface RateQuote {
  carrier: CarrierName;
  rateId: string;
  shipmentId: string;
  /** The underlying carrier, e.g. `USPS`. */
  provider: string;
  serviceLevel: ServiceLevel;
  amountCents: number;
  currency: string;
  /** Provider's transit estimate in days; null when it gives none. */
  estimatedDays: number | null;
  /** When the provider created the rate (Shippo refuses rates older than 7 days). */
  quotedAt: Date;
}

export interface PurchaseRequest {
  rate: RateQuote;
  /** Our package reference (≤ 100 chars): written to the purchase so lookups can find it. */
  reference: string;
}

export interface PurchasedLabel {
  kind: 'purchased';
  carrier: CarrierName;
  /** Shippo transaction id; EasyPost shipment id (EasyPost has one purchase per shipment). */
  transactionId: string;
  shipmentId: string;
  /** The rate actually bought (EasyPost may report a different one if an earlier attempt won). */
  rateId: string;
  provider: string;
  trackingNumber: string;
  /** Store in full: Shippo's is a signed URL that breaks if truncated. */
  labelUrl: string;
  trackingUrl: string | null;
}

export type PurchaseFailureCode =
  | 'rate_expired'
  | 'invalid_rate'
  | 'carrier_rejected'
  | 'address_invalid'
  | 'payment_required'
  | 'rate_limited'
  | 'unauthorized'
  | 'rejected';

/** The provider answered and no label exists: safe to try again (after a re-quote if asked). */
export interface PurchaseFailed {
  kind: 'failed';
  code: PurchaseFailureCode;
  reason: string;
  retryWithRequote?: boolean;
  carrierMessages?: string[];
}

/** We cannot tell whether a label was bought. Resolve with lookupPurchase; never retry blindly. */
export interface PurchaseUnknown {
  kind: 'unknown';
  reason: string;
}

export type PurchaseOutcome = PurchasedLabel | PurchaseFailed | PurchaseUnknown;
export type LookupOutcome = PurchaseOutcome | { kind: 'not_found' };

export interface RefundRequest {
  /** `PurchasedLabel.transactionId`. */
  transactionId: string;
}

export interface RefundOutcome {
  status: 'pending' | 'refunded' | 'rejected';
  refundId?: string;
}

export interface TrackRequest {
  trackingNumber: string;
  /** `PurchasedLabel.provider` (e.g. `USPS`), or `shippo` for Shippo test numbers. */
  provider: string;
}

export interface TrackingEvent {
  status: NormalisedTrackingStatus;
  carrierStatus: string;
  carrierSubstatus: string | null;
  description: string;
  occurredAt: Date;
  location: { city?: string; state?: string; zip?: string; country?: string } | null;
}

export interface TrackingSnapshot {
  carrier: CarrierName;
  trackingNumber: string;
  status: NormalisedTrackingStatus;
  carrierStatus: string;
  carrierSubstatus: string | null;
  statusAt: Date | null;
  eta: Date | null;
  /** Oldest first. */
  events: TrackingEvent[];
}

export interface CarrierAdapter {
  readonly name: CarrierName;
  getRates(request: RateRequest): Promise<RateQuote[]>;
  /** Buys the label once. Never retries internally; `unknown` must be resolved by lookupPurchase. */
  purchase(request: PurchaseRequest): Promise<PurchaseOutcome>;
  /** Finds the purchase an earlier `purchase` call with the same rate and reference may have made. */
  lookupPurchase(request: PurchaseRequest): Promise<LookupOutcome>;
  refund(request: RefundRequest): Promise<RefundOutcome>;
  track(request: TrackRequest): Promise<TrackingSnapshot>;
}
