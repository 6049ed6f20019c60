// Request and webhook signatures of the TikTok Shop Open API (spec §3.1 and §9.1).
// Both are HMAC-SHA256 keyed with the app secret, emitted as lowercase hex.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Query keys that never take part in the signature (spec §3.1 step 1; EcomPHP also drops the header name). */
const UNSIGNED_QUERY_KEYS = new Set(['sign', 'access_token', 'x-tts-access-token']);

export interface SignRequestInput {
  appSecret: string;
  /** Path only, e.g. `/order/202309/orders/search`: no scheme, host or query. */
  path: string;
  /** The final query exactly as sent, values decoded (e.g. `ids` → `"1,2"`). */
  query: Readonly<Record<string, string | number>>;
  /** The exact bytes sent on the wire; omit or leave empty when there is no body. */
  body?: string | Uint8Array;
  contentType?: string;
}

/** Compares keys by UTF-8 byte order, as Go's `<`, PHP `ksort` and C# Ordinal do. */
function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * Computes the `sign` query parameter:
 * hex(HMAC_SHA256(secret, secret + path + Σ sorted(key + value) + body-unless-multipart + secret)).
 */
export function signRequest({ appSecret, path, query, body, contentType }: SignRequestInput): string {
  const keys = Object.keys(query)
    .filter((key) => !UNSIGNED_QUERY_KEYS.has(key))
    .sort(byteOrder);
  const parts: Buffer[] = [Buffer.from(appSecret + path, 'utf8')];
  for (const key of keys) parts.push(Buffer.from(key + String(query[key]), 'utf8'));

  const isMultipart = (contentType ?? '').toLowerCase().startsWith('multipart/form-data');
  if (body !== undefined && body.length > 0 && !isMultipart) {
    parts.push(typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body));
  }
  parts.push(Buffer.from(appSecret, 'utf8'));
  return createHmac('sha256', appSecret).update(Buffer.concat(parts)).digest('hex');
}

/** The `Authorization` header TikTok puts on webhook deliveries: hex(HMAC_SHA256(secret, appKey + rawBody)). */
export function computeWebhookSignature(
  appKey: string,
  appSecret: string,
  rawBody: string | Uint8Array,
): string {
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : Buffer.from(rawBody);
  return createHmac('sha256', appSecret)
    .update(Buffer.concat([Buffer.from(appKey, 'utf8'), body]))
    .digest('hex');
}

export interface VerifyWebhookSignatureInput {
  appKey: string;
  appSecret: string;
  /** The body bytes as received, never re-serialized JSON. */
  rawBody: string | Uint8Array;
  /** The `Authorization` header value, if any. */
  authorization: string | null | undefined;
}

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/** Constant-time check of a webhook's `Authorization` header. Returns false on anything malformed; never throws. */
export function verifyWebhookSignature(input: VerifyWebhookSignatureInput): boolean {
  try {
    const received = (input.authorization ?? '').trim();
    if (!HEX_SHA256.test(received)) return false;
    const expected = computeWebhookSignature(input.appKey, input.appSecret, input.rawBody);
    return timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(received.toLowerCase(), 'hex'));
  } catch {
    return false;
  }
}
