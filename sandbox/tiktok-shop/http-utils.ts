// node:http plumbing shared by the three faces of the simulator (API host, auth host, control).
import type { IncomingMessage, ServerResponse } from 'node:http';

import { requestId } from './ids';

/** A TikTok-style failure: the envelope's `code` and `message`, and the HTTP status TikTok would use. */
export class ApiFailure extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly httpStatus = 200,
  ) {
    super(message);
  }
}

/** A control-endpoint failure (plain JSON `{error}`), never seen by the TikTok client. */
export class ControlFailure extends Error {
  constructor(
    readonly httpStatus: number,
    message: string,
  ) {
    super(message);
  }
}

export const MAX_BODY_BYTES = 1024 * 1024;

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > limit) throw new ApiFailure(36009021, `Request body exceeds ${limit} bytes`, 413);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** `{code, message, request_id, data}`; `data` is null on errors (spec §4.1). */
export function sendEnvelope(
  res: ServerResponse,
  nowMs: number,
  result: { code: number; message: string; data: unknown },
  status = 200,
): void {
  sendJson(res, status, {
    code: result.code,
    message: result.message,
    request_id: requestId(nowMs),
    data: result.code === 0 ? result.data : null,
  });
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
  });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location, 'content-length': 0 });
  res.end();
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Parses a JSON body for control endpoints; an empty body is `{}`. */
export function parseJsonBody(raw: Buffer): unknown {
  if (raw.length === 0) return {};
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ControlFailure(400, 'body is not valid JSON');
  }
}
