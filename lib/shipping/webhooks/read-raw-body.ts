import 'server-only';

/** Carrier webhook bodies are a Track or a Transaction: a few KB. Anything past this is refused. */
export const MAX_WEBHOOK_BYTES = 256 * 1024;

export type RawBody = { ok: true; bytes: Buffer } | { ok: false; status: 413 };

/**
 * Reads the body as bytes (signatures are over the exact bytes sent, never re-serialised JSON),
 * stopping as soon as it passes the cap, whatever Content-Length claimed.
 */
export async function readRawBody(request: Request, maxBytes = MAX_WEBHOOK_BYTES): Promise<RawBody> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) return { ok: false, status: 413 };
  if (!request.body) return { ok: true, bytes: Buffer.alloc(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, status: 413 };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}
