import type { IncomingMessage, ServerResponse } from 'node:http';

/** Stripe's error envelope: `{ error: { type, code?, param?, message, doc_url? } }`. */
export type StripeErrorBody = {
  type: 'invalid_request_error' | 'api_error' | 'idempotency_error';
  code?: string;
  param?: string;
  message: string;
  doc_url?: string;
};

/** Thrown by handlers; the server turns it into Stripe's JSON error with the given status. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
  ) {
    super(body.message);
  }
}

const docUrl = (code: string) => `https://docs.stripe.com/error-codes/${code.replace(/_/g, '-')}`;

export const invalidRequest = (message: string, code?: string, param?: string, status = 400) =>
  new StripeApiError(status, {
    type: 'invalid_request_error',
    message,
    ...(code ? { code, doc_url: docUrl(code) } : {}),
    ...(param ? { param } : {}),
  });

/** `No such customer: 'cus_x'` — 404 for an id in the path, 400 for an id passed as a parameter. */
export const resourceMissing = (noun: string, id: string, param = 'id') =>
  invalidRequest(`No such ${noun}: '${id}'`, 'resource_missing', param, param === 'id' ? 404 : 400);

export type HandlerResult =
  | { kind: 'json'; status: number; body: unknown }
  | { kind: 'html'; status: number; body: string }
  | { kind: 'redirect'; location: string };

export const json = (body: unknown, status = 200): HandlerResult => ({ kind: 'json', status, body });
export const html = (body: string, status = 200): HandlerResult => ({ kind: 'html', status, body });
export const redirect = (location: string): HandlerResult => ({ kind: 'redirect', location });

const MAX_BODY_BYTES = 1_000_000;

export const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw invalidRequest('Request body is too large', undefined, undefined, 413);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
};

export const send = (
  response: ServerResponse,
  result: HandlerResult,
  headers: Record<string, string> = {},
) => {
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  if (result.kind === 'redirect') {
    response.writeHead(303, { Location: result.location }).end();
    return;
  }
  const isJson = result.kind === 'json';
  const payload = isJson ? `${JSON.stringify(result.body, null, 2)}\n` : result.body;
  response
    .writeHead(result.status, {
      'Content-Type': isJson ? 'application/json' : 'text/html; charset=utf-8',
      'Content-Length': Buffer.byteLength(payload),
    })
    .end(payload);
};

/** Escapes text for the stand-in's small HTML pages. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
