import type { SandboxContext } from '../core/context';
import { easyPostId } from '../core/ids';
import type { Json, TrackedParcel } from '../core/state';
import { cannedParcel } from '../core/tracking';
import { json, type Handler } from '../http/types';
import { easyPostError, easyPostNotFound, parseEasyPostBody } from './errors';
import { trackerCreateSchema, webhookCreateSchema } from './schemas';
import { easyPostMode, trackerWire } from './wire';

// Trackers and webhook registrations. Creating a tracker for a code that already has one
// returns the existing tracker (EasyPost dedupes). Only sandbox labels (SBX...) and the
// EasyPost test codes EZ1000000001 ... EZ7000000007 can be tracked.

export function easyPostTrackerRoutes(ctx: SandboxContext): Record<string, Handler> {
  const { state } = ctx;
  const render = (tracker: Json) => {
    const parcel = state.parcels.get(String(tracker.tracking_code));
    return parcel ? trackerWire(parcel, tracker, ctx.publicUrl()) : tracker;
  };
  return {
    'POST /v2/trackers': (req) => {
      const { tracker: input } = parseEasyPostBody(trackerCreateSchema, req.body);
      let parcel: TrackedParcel | undefined = state.parcels.get(input.tracking_code);
      if (parcel && parcel.provider !== 'easypost') parcel = undefined;
      if (!parcel && input.tracking_code.startsWith('EZ'))
        parcel = cannedParcel(state, input.tracking_code, 'easypost', ctx.clock.now());
      if (!parcel) {
        throw easyPostError(
          422,
          'TRACKER.CREATE.ERROR',
          'In test mode, only test tracking numbers are valid (EZ1000000001 ... EZ7000000007) or sandbox labels.',
        );
      }
      const existing = parcel.trackerId ? state.easypost.trackers.get(parcel.trackerId) : undefined;
      if (existing) return json(200, render(existing));
      const now = ctx.nowIso();
      const tracker: Json = {
        id: easyPostId('trk'),
        object: 'Tracker',
        mode: easyPostMode(req.testMode),
        tracking_code: input.tracking_code,
        created_at: now,
        updated_at: now,
        shipment_id: null,
        weight: null,
      };
      state.easypost.trackers.set(String(tracker.id), tracker);
      parcel.trackerId = String(tracker.id);
      return json(200, render(tracker));
    },
    'GET /v2/trackers/{id}': (req) => {
      const tracker = state.easypost.trackers.get(req.params.id ?? '');
      if (!tracker) throw easyPostNotFound();
      return json(200, render(tracker));
    },
    'POST /v2/webhooks': (req) => {
      const { webhook: input } = parseEasyPostBody(webhookCreateSchema, req.body);
      const webhook = registerEasyPostWebhook(
        ctx,
        input.url,
        input.webhook_secret,
        easyPostMode(req.testMode),
      );
      return json(201, publicWebhook(webhook));
    },
    'GET /v2/webhooks': () =>
      json(200, { webhooks: [...state.easypost.webhooks.values()].map(publicWebhook) }),
    'DELETE /v2/webhooks/{id}': (req) => {
      if (!state.easypost.webhooks.delete(req.params.id ?? '')) throw easyPostNotFound();
      return json(200, {});
    },
  };
}

/** The secret is stored but never echoed back, as EasyPost does. */
function publicWebhook(webhook: Json & { secret?: string }): Json {
  const { secret: _secret, ...visible } = webhook;
  return visible;
}

export function registerEasyPostWebhook(
  ctx: SandboxContext,
  url: string,
  secret: string | undefined,
  mode: string,
): Json & { secret?: string } {
  const now = ctx.nowIso();
  const webhook = {
    id: easyPostId('hook'),
    object: 'Webhook',
    mode,
    url,
    created_at: now,
    updated_at: now,
    disabled_at: null,
    secret,
  };
  ctx.state.easypost.webhooks.set(webhook.id, webhook);
  return webhook;
}
