import 'server-only';

/** TikTok notifications are a few hundred bytes; 1 MiB leaves room for any topic and refuses abuse. */
export const WEBHOOK_MAX_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`request body is larger than ${maxBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * The request body as the exact bytes sent (signatures are over bytes; nothing may re-encode them).
 * Refuses past `maxBytes` by Content-Length when declared, and by counting while streaming otherwise,
 * so an oversized body is never buffered whole.
 */
export async function readCappedBody(request: Request, maxBytes = WEBHOOK_MAX_BYTES): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLargeError(maxBytes);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
