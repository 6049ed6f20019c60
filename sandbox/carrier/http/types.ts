import type { IncomingHttpHeaders } from 'node:http';
import type { ApiName } from '../core/state';

export type RouteApi = ApiName | 'admin';

export interface SandboxRequest {
  method: string;
  /** Path without query and without a trailing slash (`/refunds/` and `/refunds` are one route). */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** JSON or form-decoded body; `{}` when empty. */
  body: unknown;
  /** `http://host:port` as the client reached us, for absolute URLs in responses. */
  baseUrl: string;
  /** Set by the API's auth check: `true` for test keys. */
  testMode: boolean;
  /** Fault knobs for Shippo transactions: answer QUEUED even if async:false; never resolve. */
  transactionFaults: { forceQueued: boolean; neverResolve: boolean };
}

export interface SandboxResponse {
  status: number;
  json?: unknown;
  raw?: { contentType: string; body: Buffer | string };
  headers?: Record<string, string>;
  /** Destroy the socket instead of answering (simulates a connection lost after commit). */
  dropConnection?: boolean;
}

export type Handler = (request: SandboxRequest) => Promise<SandboxResponse> | SandboxResponse;

/** Thrown by handlers to answer with an error response; the router catches it. */
export class HttpError extends Error {
  constructor(readonly response: SandboxResponse) {
    super(`HTTP ${response.status}`);
  }
}

export function json(status: number, body: unknown, headers?: Record<string, string>): SandboxResponse {
  return { status, json: body, headers };
}
