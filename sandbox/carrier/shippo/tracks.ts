import type { SandboxContext } from '../core/context';
import type { TrackedParcel } from '../core/state';
import { cannedParcel } from '../core/tracking';
import { json, type Handler } from '../http/types';
import { emitShippoEvent } from './events';
import { parseShippoBody } from './parse';
import { trackCreateSchema } from './schemas';
import { shippoTrackWire, unknownTrackWire } from './track-wire';

// Tracking. Sandbox labels (SBX...) answer under their carrier token (or `shippo`); the
// test-mode numbers SHIPPO_PRE_TRANSIT, _TRANSIT, _DELIVERED, _RETURNED, _FAILURE, _UNKNOWN
// answer under carrier `shippo`. Every POST /tracks adds a subscription, so registering a
// number twice doubles its track_updated deliveries (Shippo documents this).

export function trackRoutes(ctx: SandboxContext): Record<string, Handler> {
  const find = (carrier: string, trackingNumber: string): TrackedParcel | undefined => {
    const carrierToken = carrier.toLowerCase();
    const known = ctx.state.parcels.get(trackingNumber);
    if (
      known &&
      known.provider === 'shippo' &&
      (known.carrierToken === carrierToken || carrierToken === 'shippo')
    )
      return known;
    if (carrierToken === 'shippo' && trackingNumber.startsWith('SHIPPO_')) {
      return cannedParcel(ctx.state, trackingNumber, 'shippo', ctx.clock.now());
    }
    return undefined;
  };
  return {
    'POST /tracks': (req) => {
      const input = parseShippoBody(trackCreateSchema, req.body);
      const parcel = find(input.carrier, input.tracking_number);
      if (!parcel) return json(200, unknownTrackWire(input.carrier, input.tracking_number, ctx.nowIso()));
      if (input.metadata !== undefined) parcel.metadata = input.metadata;
      parcel.shippoSubscriptions += 1;
      // Canned numbers have no future; Shippo's test mode notifies their status right away.
      if (parcel.frozen && parcel.pending.length === 0 && parcel.trackingNumber.startsWith('SHIPPO_')) {
        emitShippoEvent(ctx, 'track_updated', shippoTrackWire(parcel));
      }
      return json(200, shippoTrackWire(parcel));
    },
    'GET /tracks/{carrier}/{number}': (req) => {
      const carrier = req.params.carrier ?? '';
      const trackingNumber = req.params.number ?? '';
      const parcel = find(carrier, trackingNumber);
      return json(
        200,
        parcel ? shippoTrackWire(parcel) : unknownTrackWire(carrier, trackingNumber, ctx.nowIso()),
      );
    },
  };
}
