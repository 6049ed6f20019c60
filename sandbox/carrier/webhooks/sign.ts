import { createHmac } from 'node:crypto';

// Signatures the sandbox puts on outgoing webhooks. Deliberately independent of
// lib/shipping/carriers/webhooks.ts so the tests cross-check two implementations.

/** Shippo (opt-in HMAC): `Shippo-Auth-Signature: t=<unix>,v1=<hex HMAC_SHA256(secret, "<t>.<body>")>`. */
export function shippoSignatureHeader(secret: string, body: string, unixSeconds: number): string {
  const digest = createHmac('sha256', secret).update(`${unixSeconds}.${body}`, 'utf8').digest('hex');
  return `t=${unixSeconds},v1=${digest}`;
}

/** EasyPost legacy: `X-Hmac-Signature: hmac-sha256-hex=<hex>`, key = NFKD-normalised secret. */
export function easyPostSignatureHeader(secret: string, body: string): string {
  const key = Buffer.from(secret.normalize('NFKD'), 'utf8');
  return `hmac-sha256-hex=${createHmac('sha256', key).update(body, 'utf8').digest('hex')}`;
}
