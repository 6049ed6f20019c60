import 'server-only';
import { AppError } from '@/lib/errors';

/** Stripe events are a few KiB; anything near this is not one of them. */
export const STRIPE_WEBHOOK_MAX_BYTES = 1024 * 1024;

/**
 * Reads a request body as the exact bytes sent (signature checks are over bytes, so nothing may
 * re-encode it), refusing with 413 past `maxBytes`, judged by Content-Length when given and by
 * counting while streaming otherwise, so an oversized body is never buffered whole.
 */
export async function readRawBody(
  request: Request,
  maxBytes = STRIPE_WEBHOOK_MAX_BYTES,
): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', `Request body is larger than ${maxBytes} bytes`);
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array(0);

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
