import type { SandboxContext } from '../core/context';
import type { Json } from '../core/state';
import type { TrackingChange } from '../core/tracking';
import { STEP_WIRE } from '../core/tracking-steps';
import { shippoSignatureHeader } from '../webhooks/sign';
import { shippoTrackWire } from './track-wire';

// Shippo webhook deliveries: `{event, test, data}` to every active registered webhook whose
// event matches (or is `all`). The URL is used as registered, so a `?token=` survives.

export type ShippoEvent = 'transaction_created' | 'transaction_updated' | 'track_updated';

export function emitShippoEvent(ctx: SandboxContext, event: ShippoEvent, data: Json, copies = 1): void {
  const orderingKey = `shippo:${String(data.object_id || data.tracking_number || '')}`;
  for (const webhook of ctx.state.shippo.webhooks.values()) {
    if (webhook.active === false) continue;
    if (webhook.event !== event && webhook.event !== 'all') continue;
    const body = JSON.stringify({
      event,
      test: typeof data.test === 'boolean' ? data.test : webhook.is_test !== false,
      data,
    });
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'User-Agent': 'ShippoSandboxWebhooks/1.0',
      'Shippo-API-Version': '2018-02-08',
    };
    const secret = ctx.options.shippoHmacSecret;
    // Signature time is transport time (wall clock), not virtual business time.
    if (secret)
      headers['Shippo-Auth-Signature'] = shippoSignatureHeader(secret, body, Math.floor(Date.now() / 1000));
    const objectId = String(data.object_id ?? data.tracking_number ?? '');
    for (let copy = 0; copy < copies; copy += 1) {
      ctx.emitter.send({
        provider: 'shippo',
        event,
        objectId,
        orderingKey,
        url: String(webhook.url),
        body,
        headers,
      });
    }
  }
}

/** One track_updated per subscription for a Shippo parcel's change; keeps the transaction in step. */
export function publishShippoTracking(ctx: SandboxContext, change: TrackingChange): void {
  const { parcel, historyLength } = change;
  const step = parcel.history[historyLength - 1];
  const tx = parcel.transactionId ? ctx.state.shippo.transactions.get(parcel.transactionId) : undefined;
  if (tx && step && historyLength === parcel.history.length)
    tx.tracking_status = STEP_WIRE[step.kind].shippo.status;
  if (parcel.shippoSubscriptions > 0) {
    emitShippoEvent(ctx, 'track_updated', shippoTrackWire(parcel, historyLength), parcel.shippoSubscriptions);
  }
}
