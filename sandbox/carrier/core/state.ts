import type { ScheduledStep, StepKind } from './tracking-steps';

// The sandbox's whole memory. Shippo objects are kept in their wire shape (snake_case) so
// a response is the stored object; EasyPost objects likewise. Nothing here touches I/O.

export type Json = Record<string, unknown>;
export type ApiName = 'shippo' | 'easypost';

export interface Location {
  city?: string;
  state?: string;
  zip?: string;
  country: string;
}

export interface AppliedStep {
  kind: StepKind;
  atMs: number;
  objectId: string;
}

/** A parcel whose tracking the sandbox simulates: a purchased label or a canned test number. */
export interface TrackedParcel {
  trackingNumber: string;
  provider: ApiName;
  /** Lower-case carrier token as used in `/tracks/{carrier}/{number}` (`usps`, `ups`, `shippo`). */
  carrierToken: string;
  carrierName: string;
  service?: { token: string; name: string };
  origin?: Location;
  destination?: Location;
  startedAtMs: number;
  pending: ScheduledStep[];
  history: AppliedStep[];
  /** Frozen parcels ignore the clock (canned numbers, forced statuses, refunded labels). */
  frozen: boolean;
  etaMs?: number;
  metadata?: string;
  transactionId?: string;
  shipmentId?: string;
  trackerId?: string;
  /** Each Shippo `POST /tracks` adds one: Shippo tracking webhooks are not idempotent. */
  shippoSubscriptions: number;
}

/** One committed label purchase, from either API. `GET /__sandbox/purchases` lists these. */
export interface PurchaseRecord {
  provider: ApiName;
  /** Shippo transaction object_id, or EasyPost shipment id (one purchase per shipment). */
  purchaseId: string;
  rateId: string;
  shipmentId: string;
  /** Shippo `metadata` or EasyPost `reference`: our package reference. */
  reference: string;
  trackingNumber: string;
  status: 'QUEUED' | 'SUCCESS' | 'REFUNDPENDING' | 'REFUNDED';
  carrier: string;
  serviceLevel: string;
  amount: string;
  currency: string;
  labelUrl: string;
  createdAt: string;
}

export interface RateSource {
  shipmentId: string;
  weightOz: number;
}

export interface SandboxState {
  shippo: {
    addresses: Map<string, Json>;
    parcels: Map<string, Json>;
    shipments: Map<string, Json>;
    rates: Map<string, Json>;
    transactions: Map<string, Json>;
    refunds: Map<string, Json>;
    webhooks: Map<string, Json>;
  };
  easypost: {
    shipments: Map<string, Json>;
    /** rate id -> owning shipment id. */
    rateOwners: Map<string, string>;
    trackers: Map<string, Json>;
    webhooks: Map<string, Json & { secret?: string }>;
  };
  parcels: Map<string, TrackedParcel>;
  purchases: PurchaseRecord[];
  /** Label PDFs by label id (Shippo transaction id / EasyPost postage label id). */
  labels: Map<string, { trackingNumber: string; pdf: Buffer }>;
}

export function createSandboxState(): SandboxState {
  return {
    shippo: {
      addresses: new Map(),
      parcels: new Map(),
      shipments: new Map(),
      rates: new Map(),
      transactions: new Map(),
      refunds: new Map(),
      webhooks: new Map(),
    },
    easypost: { shipments: new Map(), rateOwners: new Map(), trackers: new Map(), webhooks: new Map() },
    parcels: new Map(),
    purchases: [],
    labels: new Map(),
  };
}

/** Empties every collection in place, so references handed out earlier stay valid. */
export function clearSandboxState(state: SandboxState): void {
  for (const group of [state.shippo, state.easypost]) {
    for (const map of Object.values(group)) (map as Map<string, unknown>).clear();
  }
  state.parcels.clear();
  state.labels.clear();
  state.purchases.length = 0;
}
