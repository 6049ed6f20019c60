import {
  mapEasyPostTrackingStatus, mapShippoTrackingStatus, TERMINAL_TRACKING_STATUSES, TRACKING_STATUS_RANK,
  type EasyPostTrackerPayload, type NormalisedTrackingStatus, type ShippoTrackPayload,
} from '@/lib/shipping/carriers';

/** One carrier scan, normalised, with the key that makes a redelivered webhook a no-op. */
export type NormalisedScan = {
  status: NormalisedTrackingStatus;
  carrierStatus: string;
  substatus: string | null;
  description: string | null;
  occurredAt: Date;
  location: Record<string, string> | null;
  dedupeKey: string;
};

export type NormalisedTracking = { carrier: 'shippo' | 'easypost'; trackingNumber: string; scans: NormalisedScan[] };

const when = (...values: (string | null | undefined)[]): Date | null => {
  for (const value of values) {
    const time = value ? Date.parse(value) : NaN;
    if (!Number.isNaN(time)) return new Date(time);
  }
  return null;
};

function location(value: Record<string, unknown> | null | undefined): Record<string, string> | null {
  if (!value) return null;
  const entries = Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '');
  return entries.length > 0 ? Object.fromEntries(entries) : null;
}

/** Shippo Track (track_updated): its history plus the latest status, oldest first, deduplicated. */
export function normaliseShippoTrack(track: ShippoTrackPayload, receivedAt: Date): NormalisedTracking {
  const all = [...track.tracking_history, ...(track.tracking_status ? [track.tracking_status] : [])];
  const scans = new Map<string, NormalisedScan>();
  for (const scan of all) {
    const occurredAt = when(scan.status_date, scan.object_created) ?? receivedAt;
    const dedupeKey = scan.object_id || `${scan.status}:${scan.substatus?.code ?? ''}:${occurredAt.toISOString()}`;
    scans.set(dedupeKey, {
      status: mapShippoTrackingStatus(scan.status, scan.substatus), carrierStatus: scan.status, substatus: scan.substatus?.code ?? null,
      description: scan.status_details ?? null, occurredAt, location: location(scan.location), dedupeKey,
    });
  }
  return { carrier: 'shippo', trackingNumber: track.tracking_number, scans: [...scans.values()].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime()) };
}

/** EasyPost Tracker (tracker.created / tracker.updated): tracking_details plus the tracker's own status. */
export function normaliseEasyPostTracker(tracker: EasyPostTrackerPayload, receivedAt: Date): NormalisedTracking {
  const scans = new Map<string, NormalisedScan>();
  for (const detail of tracker.tracking_details) {
    const occurredAt = when(detail.datetime) ?? receivedAt;
    const dedupeKey = `${detail.status}:${detail.status_detail ?? ''}:${occurredAt.toISOString()}`;
    scans.set(dedupeKey, {
      status: mapEasyPostTrackingStatus(detail.status, detail.status_detail), carrierStatus: detail.status, substatus: detail.status_detail ?? null,
      description: detail.message ?? null, occurredAt, location: null, dedupeKey,
    });
  }
  const latest = [...scans.values()].some((scan) => scan.carrierStatus === tracker.status);
  if (!latest) {
    const occurredAt = when(tracker.updated_at) ?? receivedAt;
    const dedupeKey = `${tracker.status}:${tracker.status_detail ?? ''}:${occurredAt.toISOString()}`;
    scans.set(dedupeKey, {
      status: mapEasyPostTrackingStatus(tracker.status, tracker.status_detail), carrierStatus: tracker.status, substatus: tracker.status_detail ?? null,
      description: null, occurredAt, location: null, dedupeKey,
    });
  }
  return { carrier: 'easypost', trackingNumber: tracker.tracking_code, scans: [...scans.values()].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime()) };
}

/**
 * Where a shipment's status ends after these scans, applied in time order from `current`: a scan
 * moves it only forward in rank (equal ranks may alternate, e.g. an exception and back in transit,
 * when the scan is newer); a final status (delivered, returned, cancelled) never changes. So a
 * late, duplicated or out-of-order webhook cannot move a parcel backwards.
 */
export function foldTrackingStatus(
  current: { status: NormalisedTrackingStatus; at: Date | null },
  scans: readonly NormalisedScan[],
): { status: NormalisedTrackingStatus; at: Date | null; rank: number } {
  let status = current.status;
  let at = current.at;
  for (const scan of scans) {
    if (TERMINAL_TRACKING_STATUSES.has(status) || scan.status === status) continue;
    const forward = TRACKING_STATUS_RANK[scan.status] > TRACKING_STATUS_RANK[status];
    const sideways = TRACKING_STATUS_RANK[scan.status] === TRACKING_STATUS_RANK[status] && (at === null || scan.occurredAt > at);
    if (forward || sideways) {
      status = scan.status;
      at = scan.occurredAt;
    }
  }
  return { status, at, rank: TRACKING_STATUS_RANK[status] };
}
