// One HTTP attempt against TikTok: build the URL, sign, send, and turn the envelope into data or a TikTokApiError.
// No retries here; see call-shop-api.ts for the policies around it.
import { z } from 'zod';

import { TikTokApiError, kindFromCode, parseRetryAfter } from './errors';
import { envelopeSchema } from './schemas';
import { signRequest } from './sign';

export interface HttpContext {
  appKey: string;
  appSecret: string;
  apiBaseUrl: string;
  authBaseUrl: string;
  fetch: typeof fetch;
  now: () => number;
  requestTimeoutMs: number;
}

export type QueryValue = string | number | boolean | undefined | null;

export interface ApiRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Concrete path, e.g. `/fulfillment/202309/packages/123/ship`. */
  path: string;
  /** Stable name of the API, e.g. `POST /fulfillment/202309/packages/{package_id}/ship`. */
  endpoint: string;
  query?: Record<string, QueryValue>;
  body?: Record<string, unknown>;
  accessToken?: string;
  /** Only for shop-scoped endpoints; refused on `/authorization/*` and `/seller/*` (spec §5). */
  shopCipher?: string;
}

const CIPHERLESS_PATH = /^\/(authorization|seller)\//;

/** Drops empty values: TikTok signs what it receives, and empty params are where signatures drift. */
function compactQuery(query: Record<string, QueryValue>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    result[key] = String(value);
  }
  return result;
}

function toBodyText(body: Record<string, unknown> | undefined): string | undefined {
  if (!body) return undefined;
  const text = JSON.stringify(body);
  return text === '{}' ? undefined : text;
}

/** Sends a signed API-host request and returns `data` of a `code 0` envelope. */
export async function sendApiRequest(ctx: HttpContext, request: ApiRequest): Promise<unknown> {
  if (request.shopCipher && CIPHERLESS_PATH.test(request.path)) {
    throw new Error(`shop_cipher must not be sent to ${request.path}`);
  }
  const query = compactQuery({
    ...request.query,
    app_key: ctx.appKey,
    timestamp: Math.floor(ctx.now() / 1000),
    shop_cipher: request.shopCipher,
  });
  const body = toBodyText(request.body);
  const contentType = 'application/json';
  const sign = signRequest({ appSecret: ctx.appSecret, path: request.path, query, body, contentType });
  const url = `${ctx.apiBaseUrl.replace(/\/$/, '')}${request.path}?${new URLSearchParams({ ...query, sign })}`;

  const headers: Record<string, string> = { 'content-type': contentType };
  if (request.accessToken) headers['x-tts-access-token'] = request.accessToken;
  return send(ctx, request.endpoint, url, { method: request.method, headers, body });
}

/** Sends an auth-host request (token get/refresh): plain GET, no signature, secret in the query (spec §2.2). */
export async function sendAuthRequest(
  ctx: HttpContext,
  path: string,
  query: Record<string, string>,
): Promise<unknown> {
  const url = `${ctx.authBaseUrl.replace(/\/$/, '')}${path}?${new URLSearchParams(query)}`;
  return send(ctx, `GET ${path}`, url, { method: 'GET', headers: { 'content-type': 'application/json' } });
}

async function send(ctx: HttpContext, endpoint: string, url: string, init: RequestInit): Promise<unknown> {
  let response: Response;
  let text: string;
  try {
    response = await ctx.fetch(url, { ...init, signal: AbortSignal.timeout(ctx.requestTimeoutMs) });
    text = await response.text();
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new TikTokApiError({ kind: 'NETWORK', message: `${endpoint} failed: ${reason}`, endpoint, cause });
  }

  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), ctx.now());
  const envelope = envelopeSchema.safeParse(safeJson(text));
  if (!envelope.success) {
    const kind = kindFromCode(undefined, response.status);
    throw new TikTokApiError({
      kind: kind === 'UNKNOWN' ? 'INVALID_RESPONSE' : kind,
      message: `${endpoint} answered HTTP ${response.status} without a TikTok envelope`,
      httpStatus: response.status,
      retryAfterMs,
      endpoint,
    });
  }
  const { code, message, request_id: requestId, data } = envelope.data;
  if (code !== 0 || !response.ok) {
    throw new TikTokApiError({
      kind: kindFromCode(code, response.status, message),
      message: `${endpoint} failed with TikTok code ${code}: ${message}`,
      code,
      httpStatus: response.status,
      requestId,
      retryAfterMs,
      endpoint,
    });
  }
  return data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Validates `data` against the endpoint's schema; a mismatch is a non-retryable INVALID_RESPONSE. */
export function parseData<S extends z.ZodType>(schema: S, data: unknown, endpoint: string): z.output<S> {
  const parsed = schema.safeParse(data ?? {});
  if (parsed.success) return parsed.data;
  throw new TikTokApiError({
    kind: 'INVALID_RESPONSE',
    message: `${endpoint} returned unexpected data: ${z.prettifyError(parsed.error)}`,
    endpoint,
    cause: parsed.error,
  });
}
