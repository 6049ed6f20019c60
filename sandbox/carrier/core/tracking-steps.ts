// The tracking vocabulary of the sandbox: one list of step kinds, each rendered as a
// Shippo TrackingStatus (status + substatus) and as an EasyPost tracking detail.

export const STEP_KINDS = [
  'label_created',
  'accepted',
  'arrived',
  'out_for_delivery',
  'available_for_pickup',
  'delivered',
  'exception',
  'returned',
  'lost',
  'unknown',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export type ShippoTrackingStatus =
  'PRE_TRANSIT' | 'TRANSIT' | 'DELIVERED' | 'RETURNED' | 'FAILURE' | 'UNKNOWN';

interface StepWire {
  shippo: { status: ShippoTrackingStatus; code: string; actionRequired: boolean };
  easyPost: { status: string; detail: string };
  text: string;
  /** Which end of the trip the scan happens at (for `location`). */
  at: 'origin' | 'destination' | 'none';
}

export const STEP_WIRE: Record<StepKind, StepWire> = {
  label_created: {
    shippo: { status: 'PRE_TRANSIT', code: 'information_received', actionRequired: false },
    easyPost: { status: 'pre_transit', detail: 'label_created' },
    text: 'Shipping label created, carrier awaiting item',
    at: 'origin',
  },
  accepted: {
    shippo: { status: 'TRANSIT', code: 'package_accepted', actionRequired: false },
    easyPost: { status: 'in_transit', detail: 'arrived_at_facility' },
    text: 'Accepted at origin facility',
    at: 'origin',
  },
  arrived: {
    shippo: { status: 'TRANSIT', code: 'package_arrived', actionRequired: false },
    easyPost: { status: 'in_transit', detail: 'received_at_destination_facility' },
    text: 'Arrived at destination facility',
    at: 'destination',
  },
  out_for_delivery: {
    shippo: { status: 'TRANSIT', code: 'out_for_delivery', actionRequired: false },
    easyPost: { status: 'out_for_delivery', detail: 'out_for_delivery' },
    text: 'Out for delivery',
    at: 'destination',
  },
  available_for_pickup: {
    shippo: { status: 'TRANSIT', code: 'pickup_available', actionRequired: true },
    easyPost: { status: 'available_for_pickup', detail: 'arrived_at_pickup_location' },
    text: 'Available for pickup at the local post office',
    at: 'destination',
  },
  delivered: {
    shippo: { status: 'DELIVERED', code: 'delivered', actionRequired: false },
    easyPost: { status: 'delivered', detail: 'arrived_at_destination' },
    text: 'Delivered, front door',
    at: 'destination',
  },
  exception: {
    shippo: { status: 'TRANSIT', code: 'delivery_attempted', actionRequired: true },
    easyPost: { status: 'in_transit', detail: 'delivery_exception' },
    text: 'Delivery attempted, no access to delivery location',
    at: 'destination',
  },
  returned: {
    shippo: { status: 'RETURNED', code: 'return_to_sender', actionRequired: false },
    easyPost: { status: 'return_to_sender', detail: 'return' },
    text: 'Returned to sender',
    at: 'origin',
  },
  lost: {
    shippo: { status: 'FAILURE', code: 'package_lost', actionRequired: true },
    easyPost: { status: 'failure', detail: 'lost' },
    text: 'Package lost in transit',
    at: 'none',
  },
  unknown: {
    shippo: { status: 'UNKNOWN', code: 'other', actionRequired: false },
    easyPost: { status: 'unknown', detail: 'unknown' },
    text: 'The carrier has not received tracking information yet',
    at: 'none',
  },
};

const HOUR_MS = 3_600_000;

export interface ScheduledStep {
  kind: StepKind;
  offsetMs: number;
}

/**
 * Timeline of a purchased sandbox label, relative to the purchase on the virtual clock
 * (D = max(1, estimated days) x 24 h):
 *   0 label_created (PRE_TRANSIT) · 6 h accepted (TRANSIT) · D-10 h arrived (TRANSIT)
 *   · D-4 h out_for_delivery (TRANSIT + out_for_delivery) · D delivered (DELIVERED)
 */
export function deliverySchedule(estimatedDays: number): ScheduledStep[] {
  const transitMs = Math.max(1, estimatedDays) * 24 * HOUR_MS;
  return [
    { kind: 'label_created', offsetMs: 0 },
    { kind: 'accepted', offsetMs: 6 * HOUR_MS },
    { kind: 'arrived', offsetMs: transitMs - 10 * HOUR_MS },
    { kind: 'out_for_delivery', offsetMs: transitMs - 4 * HOUR_MS },
    { kind: 'delivered', offsetMs: transitMs },
  ];
}

/** Shippo test-mode numbers (carrier `shippo`) and EasyPost test codes with fixed histories. */
export const CANNED_HISTORIES: Record<string, readonly StepKind[]> = {
  SHIPPO_PRE_TRANSIT: ['label_created'],
  SHIPPO_TRANSIT: ['label_created', 'accepted'],
  SHIPPO_DELIVERED: ['label_created', 'accepted', 'arrived', 'out_for_delivery', 'delivered'],
  SHIPPO_RETURNED: ['label_created', 'accepted', 'returned'],
  SHIPPO_FAILURE: ['label_created', 'accepted', 'lost'],
  SHIPPO_UNKNOWN: ['unknown'],
  EZ1000000001: ['label_created'],
  EZ2000000002: ['label_created', 'accepted'],
  EZ3000000003: ['label_created', 'accepted', 'arrived', 'out_for_delivery'],
  EZ4000000004: ['label_created', 'accepted', 'arrived', 'out_for_delivery', 'delivered'],
  EZ5000000005: ['label_created', 'accepted', 'returned'],
  EZ6000000006: ['label_created', 'accepted', 'lost'],
  EZ7000000007: ['unknown'],
};

/** What `POST /__sandbox/tracking/{n}` accepts: sandbox kinds, Shippo statuses, EasyPost statuses. */
export const FORCE_ALIASES: Record<string, StepKind> = {
  ...Object.fromEntries(STEP_KINDS.map((kind) => [kind, kind])),
  PRE_TRANSIT: 'label_created',
  TRANSIT: 'accepted',
  DELIVERED: 'delivered',
  RETURNED: 'returned',
  FAILURE: 'lost',
  UNKNOWN: 'unknown',
  pre_transit: 'label_created',
  in_transit: 'accepted',
  return_to_sender: 'returned',
  failure: 'lost',
};
