import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultInjector } from '../faults/fault-injector';
import { SleepCancelled, type TimerSet } from '../core/timers';
import { BodyError, decodeBody, readRawBody } from './body';
import { normalisePath, type Router } from './router';
import { HttpError, json, type RouteApi, type SandboxResponse } from './types';

// Request pipeline: match -> authenticate -> faults before -> decode -> handle ->
// faults after commit -> write. Error bodies follow the API that owns the path.

export interface ApiFace {
  authenticate(request: IncomingMessage): { testMode: boolean };
  /** Error body for faults and unmatched routes (status 404/405/429/5xx). */
  error(status: number, detail: { retryAfterSec?: number; method?: string }): SandboxResponse;
  serialise(body: unknown): string;
}

export interface DispatchDeps {
  router: Router;
  faces: Record<RouteApi, ApiFace>;
  faults: FaultInjector;
  timers: TimerSet;
  log: boolean;
}

const apiOfPath = (path: string): RouteApi =>
  path.startsWith('/v2/') ? 'easypost' : path.startsWith('/__sandbox') ? 'admin' : 'shippo';

async function respondTo(
  deps: DispatchDeps,
  request: IncomingMessage,
  baseUrl: string,
): Promise<{ api: RouteApi; response: SandboxResponse }> {
  const url = new URL(request.url ?? '/', baseUrl);
  const path = normalisePath(url.pathname);
  const method = (request.method ?? 'GET').toUpperCase();
  const matched = deps.router.match(method, path);
  const api =
    matched.kind === 'not_found'
      ? apiOfPath(path)
      : matched.kind === 'method_not_allowed'
        ? matched.api
        : matched.route.api;
  const face = deps.faces[api];
  try {
    const rawBody = await readRawBody(request);
    if (matched.kind !== 'found')
      return { api, response: face.error(matched.kind === 'not_found' ? 404 : 405, { method }) };
    const { testMode } = face.authenticate(request);
    const decision = api === 'admin' ? undefined : deps.faults.decide(api, method, path);
    if (decision?.latencyMs) await deps.timers.sleep(decision.latencyMs);
    if (decision?.status)
      return {
        api,
        response: face.error(decision.status.code, { retryAfterSec: decision.status.retryAfterSec }),
      };
    const body = decodeBody(rawBody, request.headers['content-type']);
    let response = await matched.route.handler({
      method,
      path,
      params: matched.params,
      query: url.searchParams,
      headers: request.headers,
      rawBody,
      body,
      baseUrl,
      testMode,
      transactionFaults: {
        forceQueued: decision?.forceQueued ?? false,
        neverResolve: decision?.neverResolve ?? false,
      },
    });
    if (decision?.afterCommit === 'drop') response = { status: 0, dropConnection: true };
    else if (decision?.afterCommit) response = face.error(decision.afterCommit, {});
    return { api, response };
  } catch (error) {
    if (error instanceof HttpError) return { api, response: error.response };
    if (error instanceof SleepCancelled) return { api, response: face.error(503, {}) };
    if (error instanceof BodyError)
      return {
        api,
        response:
          api === 'shippo'
            ? json(error.status, { detail: error.message })
            : json(error.status, {
                error: { code: 'PARAMETER.INVALID', message: error.message, errors: [] },
              }),
      };
    console.error('[sandbox-carrier] unexpected error', error);
    return { api, response: face.error(500, {}) };
  }
}

export function createRequestListener(deps: DispatchDeps, baseUrl: () => string) {
  return (request: IncomingMessage, res: ServerResponse) => {
    const origin = request.headers.host ? `http://${request.headers.host}` : baseUrl();
    void respondTo(deps, request, origin).then(({ api, response }) => {
      if (deps.log)
        console.log(
          `[sandbox-carrier] ${request.method} ${request.url} -> ${response.dropConnection ? 'dropped' : response.status}`,
        );
      if (response.dropConnection) {
        request.socket.destroy();
        return;
      }
      for (const [name, value] of Object.entries(response.headers ?? {})) res.setHeader(name, value);
      if (response.status === 204) {
        res.writeHead(204).end();
      } else if (response.raw) {
        res.writeHead(response.status, { 'Content-Type': response.raw.contentType }).end(response.raw.body);
      } else {
        res
          .writeHead(response.status, { 'Content-Type': 'application/json' })
          .end(deps.faces[api].serialise(response.json ?? {}));
      }
    });
  };
}
