// /__sandbox/* — the simulator's control plane for tests, scripts and demos. Unsigned JSON in and out;
// errors are `{error}` with 400 (bad input), 404 (unknown id) or 409 (wrong state).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';

import { faultsInputSchema, toFaults } from '../faults';
import { ControlFailure, parseJsonBody, readBody, sendJson } from '../http-utils';
import type { Sim } from '../sim';
import { createProductSchema, postProduct, postProductUpdate, updateProductSchema } from './catalog-controls';
import {
  cancelSchema,
  createOrdersSchema,
  getOrder,
  postAdvance,
  postCancel,
  postOrders,
} from './order-controls';
import {
  authorizeSchema,
  expireSoonSchema,
  postAuthorize,
  postDeauthorize,
  postExpireSoon,
  shopSchema,
} from './shop-controls';
import { getState } from './state-controls';

export interface ControlHooks {
  reset(): void;
}

const clockSchema = z
  .strictObject({ offsetSeconds: z.number().optional(), advanceSeconds: z.number().optional() })
  .refine(
    (body) => body.offsetSeconds !== undefined || body.advanceSeconds !== undefined,
    'give offsetSeconds or advanceSeconds',
  );

function validate<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ControlFailure(400, z.prettifyError(parsed.error));
  return parsed.data;
}

type Handler = (sim: Sim, body: unknown, params: string[], hooks: ControlHooks) => unknown;

const ID = '([0-9A-Za-z_-]+)';
const ROUTES: { method: string; pattern: RegExp; handle: Handler }[] = [
  { method: 'GET', pattern: /^\/__sandbox\/state$/, handle: (sim) => getState(sim) },
  {
    method: 'POST',
    pattern: /^\/__sandbox\/authorize$/,
    handle: (sim, body) => postAuthorize(sim, validate(authorizeSchema, body)),
  },
  {
    method: 'POST',
    pattern: /^\/__sandbox\/orders$/,
    handle: (sim, body) => postOrders(sim, validate(createOrdersSchema, body)),
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/__sandbox/orders/${ID}$`),
    handle: (sim, _b, [id]) => getOrder(sim, id!),
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/__sandbox/orders/${ID}/cancel$`),
    handle: (sim, body, [id]) => postCancel(sim, id!, validate(cancelSchema, body)),
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/__sandbox/orders/${ID}/advance$`),
    handle: (sim, _b, [id]) => postAdvance(sim, id!),
  },
  {
    method: 'POST',
    pattern: /^\/__sandbox\/products$/,
    handle: (sim, body) => postProduct(sim, validate(createProductSchema, body)),
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/__sandbox/products/${ID}$`),
    handle: (sim, body, [id]) => postProductUpdate(sim, id!, validate(updateProductSchema, body)),
  },
  {
    method: 'POST',
    pattern: /^\/__sandbox\/deauthorize$/,
    handle: (sim, body) => postDeauthorize(sim, validate(shopSchema, body)),
  },
  {
    method: 'POST',
    pattern: /^\/__sandbox\/expire-soon$/,
    handle: (sim, body) => postExpireSoon(sim, validate(expireSoonSchema, body)),
  },
  {
    method: 'POST',
    pattern: /^\/__sandbox\/faults$/,
    handle: (sim, body) => {
      sim.faults = toFaults(validate(faultsInputSchema, body));
      return { faults: sim.faults };
    },
  },
  {
    method: 'POST',
    pattern: /^\/__sandbox\/clock$/,
    handle: (sim, body) => {
      const { offsetSeconds, advanceSeconds } = validate(clockSchema, body);
      sim.clock.setOffsetSeconds((offsetSeconds ?? sim.clock.offsetSeconds()) + (advanceSeconds ?? 0));
      return { now: sim.clock.nowSeconds(), offsetSeconds: sim.clock.offsetSeconds() };
    },
  },
  {
    method: 'POST',
    pattern: /^\/__sandbox\/reset$/,
    handle: (_sim, _body, _params, hooks) => {
      hooks.reset();
      return { reset: true };
    },
  },
];

export async function handleControlRequest(
  sim: Sim,
  hooks: ControlHooks,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  try {
    for (const route of ROUTES) {
      const match = route.pattern.exec(url.pathname);
      if (!match || route.method !== req.method) continue;
      const body = req.method === 'POST' ? parseJsonBody(await readBody(req)) : {};
      return sendJson(res, 200, route.handle(sim, body, match.slice(1), hooks));
    }
    throw new ControlFailure(404, `no control endpoint ${req.method} ${url.pathname}`);
  } catch (error) {
    if (error instanceof ControlFailure) return sendJson(res, error.httpStatus, { error: error.message });
    throw error;
  }
}
