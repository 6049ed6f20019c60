// Spec §8: provider tracking statuses -> our normalised statuses, and a rank so that a stale
// or out-of-order event never moves a shipment backwards.

export const NORMALISED_TRACKING_STATUSES = [
  'unknown',
  'label_created',
  'in_transit',
  'out_for_delivery',
  'available_for_pickup',
  'delivered',
  'exception',
  'returned',
  'cancelled',
] as const;
export type NormalisedTrackingStatus = (typeof NORMALISED_TRACKING_STATUSES)[number];

/**
 * Progress rank. Equal ranks may replace each other (in_transit <-> exception: a failed
 * attempt, then the parcel moves again). Terminal statuses (rank 4) are final.
 */
export const TRACKING_STATUS_RANK: Record<NormalisedTrackingStatus, number> = {
  unknown: 0,
  label_created: 1,
  in_transit: 2,
  exception: 2,
  out_for_delivery: 3,
  available_for_pickup: 3,
  delivered: 4,
  returned: 4,
  cancelled: 4,
};

export const TERMINAL_TRACKING_STATUSES: ReadonlySet<NormalisedTrackingStatus> = new Set([
  'delivered',
  'returned',
  'cancelled',
]);

/** Whether `next` may replace `current`. Callers also compare event times for equal ranks. */
export function shouldApplyTrackingStatus(
  current: NormalisedTrackingStatus,
  next: NormalisedTrackingStatus,
): boolean {
  if (current === next) return false;
  if (TERMINAL_TRACKING_STATUSES.has(current)) return false;
  return TRACKING_STATUS_RANK[next] >= TRACKING_STATUS_RANK[current];
}

/** Shippo Track `status` + optional `substatus {code, action_required}`. */
export function mapShippoTrackingStatus(
  status: string,
  substatus?: {
    code?: string | null;
    action_required?: boolean | null;
    actionRequired?: boolean | null;
  } | null,
): NormalisedTrackingStatus {
  const code = substatus?.code ?? null;
  const actionRequired = Boolean(substatus?.action_required ?? substatus?.actionRequired);
  switch (status) {
    case 'PRE_TRANSIT':
      return 'label_created';
    case 'TRANSIT':
      if (code === 'out_for_delivery') return 'out_for_delivery';
      if (code === 'pickup_available') return 'available_for_pickup';
      return actionRequired ? 'exception' : 'in_transit';
    case 'DELIVERED':
      return 'delivered';
    case 'RETURNED':
      return 'returned';
    case 'FAILURE':
      return 'exception';
    default:
      return 'unknown';
  }
}

/** EasyPost Tracker `status` + `status_detail`. */
export function mapEasyPostTrackingStatus(
  status: string,
  statusDetail?: string | null,
): NormalisedTrackingStatus {
  switch (status) {
    case 'pre_transit':
      return 'label_created';
    case 'in_transit':
      return statusDetail === 'delivery_exception' ? 'exception' : 'in_transit';
    case 'out_for_delivery':
      return 'out_for_delivery';
    case 'available_for_pickup':
      return 'available_for_pickup';
    case 'delivered':
      return 'delivered';
    case 'return_to_sender':
      return 'returned';
    case 'failure':
      return 'exception';
    case 'cancelled':
      return 'cancelled';
    default:
      return 'unknown';
  }
}
