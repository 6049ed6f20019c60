import { shippoId } from './ids';
import type { ApiName, Location, SandboxState, TrackedParcel } from './state';
import { CANNED_HISTORIES, deliverySchedule, type StepKind } from './tracking-steps';

// Moves simulated parcels along their schedules on the virtual clock. Returns the changes;
// the caller turns each change into a webhook (track_updated / tracker.updated).

export interface TrackingChange {
  parcel: TrackedParcel;
  /** Length of `parcel.history` right after this change, so a webhook carries that snapshot. */
  historyLength: number;
}

export interface StartTrackingInput {
  trackingNumber: string;
  provider: ApiName;
  carrierName: string;
  service: { token: string; name: string };
  estimatedDays: number;
  origin: Location;
  destination: Location;
  metadata?: string;
  transactionId?: string;
  shipmentId?: string;
  trackerId?: string;
}

/** Registers a purchased label. Its first step (label_created) applies at once, silently. */
export function startLabelTracking(
  state: SandboxState,
  input: StartTrackingInput,
  nowMs: number,
): TrackedParcel {
  const [first, ...rest] = deliverySchedule(input.estimatedDays);
  const parcel: TrackedParcel = {
    ...input,
    carrierToken: input.carrierName.toLowerCase(),
    startedAtMs: nowMs,
    pending: rest,
    history: first ? [{ kind: first.kind, atMs: nowMs, objectId: shippoId() }] : [],
    frozen: false,
    etaMs: nowMs + Math.max(1, input.estimatedDays) * 86_400_000,
    shippoSubscriptions: input.provider === 'shippo' ? 1 : 0,
  };
  state.parcels.set(parcel.trackingNumber, parcel);
  return parcel;
}

/** Canned test numbers get a fixed history, spaced 12 h apart and ending now. */
export function cannedParcel(
  state: SandboxState,
  trackingNumber: string,
  provider: ApiName,
  nowMs: number,
): TrackedParcel | undefined {
  const existing = state.parcels.get(trackingNumber);
  if (existing) return existing;
  const kinds = CANNED_HISTORIES[trackingNumber];
  if (!kinds) return undefined;
  const parcel: TrackedParcel = {
    trackingNumber,
    provider,
    carrierToken: provider === 'shippo' ? 'shippo' : 'usps',
    carrierName: provider === 'shippo' ? 'shippo' : 'USPS',
    startedAtMs: nowMs,
    pending: [],
    history: kinds.map((kind, index) => ({
      kind,
      atMs: nowMs - (kinds.length - 1 - index) * 43_200_000,
      objectId: shippoId(),
    })),
    frozen: true,
    shippoSubscriptions: 0,
  };
  state.parcels.set(trackingNumber, parcel);
  return parcel;
}

/** Applies every scheduled step that is due at `nowMs`, in order, one change per step. */
export function applyDueSteps(state: SandboxState, nowMs: number): TrackingChange[] {
  const changes: TrackingChange[] = [];
  for (const parcel of state.parcels.values()) {
    if (parcel.frozen) continue;
    while (parcel.pending[0] && parcel.startedAtMs + parcel.pending[0].offsetMs <= nowMs) {
      const step = parcel.pending.shift()!;
      parcel.history.push({
        kind: step.kind,
        atMs: parcel.startedAtMs + step.offsetMs,
        objectId: shippoId(),
      });
      changes.push({ parcel, historyLength: parcel.history.length });
    }
  }
  return changes;
}

/** Forces a status now and freezes the parcel's schedule (a forced parcel leaves the script). */
export function forceStep(parcel: TrackedParcel, kind: StepKind, nowMs: number): TrackingChange {
  parcel.frozen = true;
  parcel.pending = [];
  parcel.history.push({ kind, atMs: nowMs, objectId: shippoId() });
  return { parcel, historyLength: parcel.history.length };
}

export function currentKind(parcel: TrackedParcel, historyLength = parcel.history.length): StepKind {
  return parcel.history[historyLength - 1]?.kind ?? 'unknown';
}
