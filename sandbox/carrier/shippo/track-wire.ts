import { isoAt } from '../core/ids';
import type { AppliedStep, Json, Location, TrackedParcel } from '../core/state';
import { STEP_WIRE } from '../core/tracking-steps';

// Shippo Track objects (`GET /tracks/...`, `track_updated` payloads) built from a simulated
// parcel, optionally as it stood after its first `historyLength` steps.

function location(value: Location | undefined): Json | undefined {
  if (!value) return undefined;
  return { city: value.city ?? '', state: value.state ?? '', zip: value.zip ?? '', country: value.country };
}

function statusWire(parcel: TrackedParcel, step: AppliedStep): Json {
  const wire = STEP_WIRE[step.kind];
  const at = isoAt(step.atMs);
  const status: Json = {
    object_id: step.objectId,
    object_created: at,
    object_updated: at,
    status: wire.shippo.status,
    status_details: wire.text,
    status_date: at,
    substatus: { code: wire.shippo.code, text: wire.text, action_required: wire.shippo.actionRequired },
  };
  const where =
    wire.at === 'origin' ? parcel.origin : wire.at === 'destination' ? parcel.destination : undefined;
  const place = location(where);
  if (place) status.location = place;
  return status;
}

export function shippoTrackWire(parcel: TrackedParcel, historyLength = parcel.history.length): Json {
  const history = parcel.history.slice(0, historyLength).map((step) => statusWire(parcel, step));
  const track: Json = {
    carrier: parcel.carrierToken,
    tracking_number: parcel.trackingNumber,
    messages: [],
    tracking_history: history,
    tracking_status: history[history.length - 1],
  };
  if (parcel.origin) track.address_from = location(parcel.origin);
  if (parcel.destination) track.address_to = location(parcel.destination);
  if (parcel.etaMs) track.eta = track.original_eta = isoAt(parcel.etaMs);
  if (parcel.service) track.servicelevel = { token: parcel.service.token, name: parcel.service.name };
  if (parcel.transactionId) track.transaction = parcel.transactionId;
  if (parcel.metadata !== undefined) track.metadata = parcel.metadata;
  return track;
}

/** What Shippo answers for a number it has no record of. */
export function unknownTrackWire(carrier: string, trackingNumber: string, nowIso: string): Json {
  return {
    carrier,
    tracking_number: trackingNumber,
    messages: ['Tracking information not found for this number.'],
    tracking_history: [],
    tracking_status: {
      object_id: '',
      object_created: nowIso,
      object_updated: nowIso,
      status: 'UNKNOWN',
      status_details: 'The carrier has not received tracking information yet',
    },
  };
}
