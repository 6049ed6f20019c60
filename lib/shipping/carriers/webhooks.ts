import 'server-only';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

// Authenticating inbound carrier webhooks over the raw request bytes (never re-serialised
// JSON). Call these before parsing the body; on `ok: false` answer 401.

export type HeaderBag = Headers | Record<string, string | string[] | undefined>;
export type RawBody = string | Uint8Array;
export type WebhookVerification<R extends string> = { ok: true } | { ok: false; reason: R };

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

/** Constant-time comparison that also hides length differences (both sides are hashed). */
function safeEqual(a: string, b: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b)) && a.length === b.length;
}

export type ShippoWebhookFailure =
  | 'not_configured'
  | 'missing_token'
  | 'bad_token'
  | 'missing_signature'
  | 'malformed_signature'
  | 'stale_timestamp'
  | 'bad_signature';

export interface VerifyShippoWebhookInput {
  rawBody: RawBody;
  headers: HeaderBag;
  /** The full request URL; Shippo echoes the `?token=` of the registered URL. */
  url: string | URL;
  /** Our secret URL token; checked when set. */
  expectedToken?: string;
  /** HMAC secret (opt-in with Shippo support); when set, `Shippo-Auth-Signature` is required. */
  hmacSecret?: string;
  now?: Date;
  /** Allowed distance between the signature's `t` and now. Default 300 s. */
  toleranceSec?: number;
}

/** Shippo: URL token and/or `Shippo-Auth-Signature: t=<unix>,v1=<hex HMAC_SHA256(secret, "t.body")>`. */
export function verifyShippoWebhook(
  input: VerifyShippoWebhookInput,
): WebhookVerification<ShippoWebhookFailure> {
  if (!input.expectedToken && !input.hmacSecret) return { ok: false, reason: 'not_configured' };
  if (input.expectedToken) {
    const token = new URL(input.url).searchParams.get('token');
    if (!token) return { ok: false, reason: 'missing_token' };
    if (!safeEqual(token, input.expectedToken)) return { ok: false, reason: 'bad_token' };
  }
  if (input.hmacSecret) {
    const signature = header(input.headers, 'shippo-auth-signature');
    if (!signature) return { ok: false, reason: 'missing_signature' };
    const parts = signature.split(',').map((part) => part.trim().split('=') as [string, string?]);
    const timestamp = parts.find(([key]) => key === 't')?.[1];
    const candidates = parts
      .filter(([key, value]) => key === 'v1' && value)
      .map(([, value]) => value!.toLowerCase());
    if (!timestamp || !/^\d+$/.test(timestamp) || candidates.length === 0)
      return { ok: false, reason: 'malformed_signature' };
    const nowSec = Math.floor((input.now ?? new Date()).getTime() / 1000);
    if (Math.abs(nowSec - Number(timestamp)) > (input.toleranceSec ?? 300))
      return { ok: false, reason: 'stale_timestamp' };
    const expected = createHmac('sha256', input.hmacSecret)
      .update(`${timestamp}.`, 'utf8')
      .update(input.rawBody)
      .digest('hex');
    if (!candidates.some((candidate) => safeEqual(candidate, expected)))
      return { ok: false, reason: 'bad_signature' };
  }
  return { ok: true };
}

export type EasyPostWebhookFailure = 'not_configured' | 'missing_signature' | 'bad_signature';

export interface VerifyEasyPostWebhookInput {
  rawBody: RawBody;
  headers: HeaderBag;
  /** The `webhook_secret` registered with EasyPost. */
  secret: string;
}

/**
 * EasyPost legacy HMAC: `X-Hmac-Signature: hmac-sha256-hex=<hex>` with key = UTF-8 bytes of
 * the NFKD-normalised secret (without NFKD, secrets such as "sécret" never match).
 * The newer `x-hmac-signature-v2` is not checked: its string-to-sign is not documented.
 */
export function verifyEasyPostWebhook(
  input: VerifyEasyPostWebhookInput,
): WebhookVerification<EasyPostWebhookFailure> {
  if (!input.secret) return { ok: false, reason: 'not_configured' };
  const signature = header(input.headers, 'x-hmac-signature');
  if (!signature) return { ok: false, reason: 'missing_signature' };
  const key = Buffer.from(input.secret.normalize('NFKD'), 'utf8');
  const expected = `hmac-sha256-hex=${createHmac('sha256', key).update(input.rawBody).digest('hex')}`;
  return safeEqual(signature.trim(), expected) ? { ok: true } : { ok: false, reason: 'bad_signature' };
}

/** Helpers for the sandbox, tests and tooling that must produce the same signatures. */
export function signShippoWebhook(secret: string, rawBody: RawBody, unixSeconds: number): string {
  return `t=${unixSeconds},v1=${createHmac('sha256', secret).update(`${unixSeconds}.`, 'utf8').update(rawBody).digest('hex')}`;
}

export function signEasyPostWebhook(secret: string, rawBody: RawBody): string {
  return `hmac-sha256-hex=${createHmac('sha256', Buffer.from(secret.normalize('NFKD'), 'utf8'))
    .update(rawBody)
    .digest('hex')}`;
}
