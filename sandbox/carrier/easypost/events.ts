import type { SandboxContext } from '../core/context';
import { easyPostId } from '../core/ids';
import type { Json } from '../core/state';
import type { TrackingChange } from '../core/tracking';
import { STEP_WIRE } from '../core/tracking-steps';
import { easyPostSignatureHeader } from '../webhooks/sign';
import { easyPostJson, trackerWire } from './wire';

// EasyPost webhook deliveries: one Event per change, the same event id to every registered
// URL (receivers dedupe on it), signed per webhook when it has a secret.

export function emitEasyPostEvent(
  ctx: SandboxContext,
  description: string,
  result: Json,
  previousAttributes: Json,
): void {
  const webhooks = [...ctx.state.easypost.webhooks.values()].filter((w) => !w.disabled_at);
  if (webhooks.length === 0) return;
  const now = ctx.nowIso();
  const event = {
    id: easyPostId('evt'),
    object: 'Event',
    mode: result.mode ?? 'test',
    description,
    status: 'pending',
    previous_attributes: previousAttributes,
    pending_urls: webhooks.map((w) => w.url),
    completed_urls: [],
    created_at: now,
    updated_at: now,
    user_id: 'user_sandboxcarrier',
    result,
  };
  const body = easyPostJson(event);
  for (const webhook of webhooks) {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'User-Agent': 'EasyPostSandboxWebhooks/1.0',
    };
    if (webhook.secret) headers['X-Hmac-Signature'] = easyPostSignatureHeader(webhook.secret, body);
    ctx.emitter.send({
      provider: 'easypost',
      event: description,
      objectId: event.id,
      orderingKey: `easypost:${String(result.id)}`,
      url: String(webhook.url),
      body,
      headers,
    });
  }
}

/** tracker.updated for an EasyPost parcel's change; the shipment's status follows the tracker. */
export function publishEasyPostTracking(ctx: SandboxContext, change: TrackingChange): void {
  const { parcel, historyLength } = change;
  const tracker = parcel.trackerId ? ctx.state.easypost.trackers.get(parcel.trackerId) : undefined;
  if (!tracker) return;
  const result = trackerWire(parcel, tracker, ctx.publicUrl(), historyLength);
  const previous = parcel.history[historyLength - 2];
  const shipment = parcel.shipmentId ? ctx.state.easypost.shipments.get(parcel.shipmentId) : undefined;
  if (shipment && historyLength === parcel.history.length) {
    shipment.status = result.status;
    shipment.tracker = result;
  }
  emitEasyPostEvent(ctx, 'tracker.updated', result, {
    status: previous ? STEP_WIRE[previous.kind].easyPost.status : 'unknown',
  });
}
