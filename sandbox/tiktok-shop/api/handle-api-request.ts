// Serves one API-host request: route → body → injected faults → verification → QPS → handler → envelope.
import type { IncomingMessage, ServerResponse } from 'node:http';

import { rollFault } from '../faults';
import { ApiFailure, readBody, sendEnvelope } from '../http-utils';
import type { Sim } from '../sim';
import { authenticate, checkQps } from './authenticate';
import { findRoute } from './routes';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return {};
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ApiFailure(36009022, 'The request body is not valid JSON', 400);
  }
}

export async function handleApiRequest(
  sim: Sim,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  try {
    const { route, params } = findRoute(req.method ?? 'GET', url.pathname);
    const rawBody = await readBody(req);
    if (sim.faults.latencyMs > 0) await pause(sim.faults.latencyMs);
    if (rollFault(sim.faults.rate5xx, sim.random))
      throw new ApiFailure(36009003, 'Internal error, please try again later', 500);
    if (rollFault(sim.faults.rate429, sim.random))
      throw new ApiFailure(36009002, 'Too many requests, please retry later', 429);

    const { seller, shop } = authenticate(sim, route, url, req.headers, rawBody);
    checkQps(sim, `${sim.options.appKey}|${shop?.id ?? `seller:${seller.openId}`}|${route.name}`);
    const body = parseJson(rawBody);
    const data = route.handle({ sim, seller, shop, query: url.searchParams, body, params });
    sendEnvelope(res, sim.clock.nowMs(), { code: 0, message: 'Success', data });
  } catch (error) {
    if (error instanceof ApiFailure) {
      sendEnvelope(
        res,
        sim.clock.nowMs(),
        { code: error.code, message: error.message, data: null },
        error.httpStatus,
      );
      return;
    }
    console.error('[tiktok-sim] unexpected error', error);
    sendEnvelope(res, sim.clock.nowMs(), { code: 36009003, message: 'Internal error', data: null }, 500);
  }
}
