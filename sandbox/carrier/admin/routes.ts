import { z } from 'zod';
import type { SandboxContext } from '../core/context';
import { isoAt } from '../core/ids';
import { forceStep } from '../core/tracking';
import { FORCE_ALIASES } from '../core/tracking-steps';
import { faultProfileSchema } from '../faults/fault-profile';
import { HttpError, json, type Handler } from '../http/types';
import { renderTrackPage } from './track-page';

// Sandbox-only control endpoints under /__sandbox (no auth: local tooling and tests).

export interface SandboxControls {
  /** Advances virtual time, applies due tracking steps, sends their webhooks. */
  advanceClock(seconds: number): number;
  reset(): void;
}

const clockSchema = z
  .object({
    advanceSeconds: z
      .number()
      .min(0)
      .max(366 * 86_400),
  })
  .strict();
const forceSchema = z.object({ status: z.string() }).strict();

function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (!result.success) throw new HttpError(json(400, { error: z.prettifyError(result.error) }));
  return result.data;
}

function counts(ctx: SandboxContext) {
  const { shippo, easypost } = ctx.state;
  return {
    shippo: Object.fromEntries(Object.entries(shippo).map(([name, map]) => [name, map.size])),
    easypost: {
      shipments: easypost.shipments.size,
      trackers: easypost.trackers.size,
      webhooks: easypost.webhooks.size,
    },
    trackedParcels: ctx.state.parcels.size,
    purchases: ctx.state.purchases.length,
  };
}

export function adminRoutes(ctx: SandboxContext, controls: SandboxControls): Record<string, Handler> {
  return {
    'GET /__sandbox/state': () =>
      json(200, {
        now: ctx.nowIso(),
        counts: counts(ctx),
        webhooks: ctx.emitter.stats(),
        faults: ctx.faults.profile(),
      }),
    'GET /__sandbox/clock': () => json(200, { now: ctx.nowIso() }),
    'POST /__sandbox/clock': (req) => {
      const { advanceSeconds } = parse(clockSchema, req.body);
      return json(200, { now: isoAt(controls.advanceClock(advanceSeconds)) });
    },
    'POST /__sandbox/tracking/{number}': (req) => {
      const { status } = parse(forceSchema, req.body);
      const kind = FORCE_ALIASES[status];
      if (!kind)
        throw new HttpError(
          json(400, {
            error: `Unknown status "${status}". Use one of: ${Object.keys(FORCE_ALIASES).join(', ')}`,
          }),
        );
      const parcel = ctx.state.parcels.get(req.params.number ?? '');
      if (!parcel) throw new HttpError(json(404, { error: 'No sandbox parcel with this tracking number.' }));
      ctx.publishTracking([forceStep(parcel, kind, ctx.clock.now())]);
      return json(200, {
        trackingNumber: parcel.trackingNumber,
        status: kind,
        history: parcel.history.length,
      });
    },
    'GET /__sandbox/faults': () => json(200, ctx.faults.profile()),
    'POST /__sandbox/faults': (req) => {
      ctx.faults.set(parse(faultProfileSchema, req.body));
      return json(200, ctx.faults.profile());
    },
    'DELETE /__sandbox/faults': () => {
      ctx.faults.clear();
      return json(200, ctx.faults.profile());
    },
    'POST /__sandbox/reset': () => {
      controls.reset();
      return json(200, { reset: true });
    },
    'GET /__sandbox/purchases': (req) => {
      const filters = ['provider', 'reference', 'rateId', 'shipmentId', 'trackingNumber'] as const;
      const purchases = ctx.state.purchases.filter((p) =>
        filters.every((key) => !req.query.get(key) || p[key] === req.query.get(key)),
      );
      return json(200, { count: purchases.length, purchases });
    },
    'GET /__sandbox/webhooks': () =>
      json(200, { stats: ctx.emitter.stats(), attempts: ctx.emitter.attempts() }),
    'POST /__sandbox/webhooks/drain': async () => {
      await ctx.emitter.idle();
      return json(200, ctx.emitter.stats());
    },
    'GET /__sandbox/labels/{file}': (req) => {
      const label = ctx.state.labels.get((req.params.file ?? '').replace(/\.pdf$/, ''));
      if (!label) throw new HttpError(json(404, { error: 'No such label.' }));
      return { status: 200, raw: { contentType: 'application/pdf', body: label.pdf } };
    },
    'GET /__sandbox/track/{number}': (req) => {
      const number = req.params.number ?? '';
      const parcel = ctx.state.parcels.get(number);
      return {
        status: parcel ? 200 : 404,
        raw: { contentType: 'text/html; charset=utf-8', body: renderTrackPage(number, parcel) },
      };
    },
  };
}
