// The platform side of TikTok's signatures, written independently of lib/tiktok/sign.ts on purpose:
// the simulator must catch a client bug, not share it. Spec §3.1 (requests) and §9.1 (webhooks).
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface RequestSignatureInput {
  appSecret: string;
  path: string;
  /** Decoded query pairs as received; `sign` and `access_token` are skipped here. */
  params: ReadonlyArray<readonly [string, string]>;
  /** Raw body bytes as received. */
  rawBody: Buffer;
  contentType: string;
}

function compareBytes(a: string, b: string): number {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  const length = Math.min(left.length, right.length);
  for (let i = 0; i < length; i += 1) {
    if (left[i] !== right[i]) return left[i]! - right[i]!;
  }
  return left.length - right.length;
}

export function expectedRequestSign(input: RequestSignatureInput): string {
  const signed = input.params.filter(([key]) => key !== 'sign' && key !== 'access_token');
  signed.sort(([a], [b]) => compareBytes(a, b));
  const hmac = createHmac('sha256', input.appSecret);
  hmac.update(input.appSecret);
  hmac.update(input.path);
  for (const [key, value] of signed) hmac.update(key + value);
  if (input.rawBody.length > 0 && !/^multipart\/form-data/i.test(input.contentType))
    hmac.update(input.rawBody);
  hmac.update(input.appSecret);
  return hmac.digest('hex');
}

/** Constant-time comparison. Uppercase hex is rejected, as TikTok does (fudiwei issue #37). */
export function isValidRequestSign(input: RequestSignatureInput & { sign: string }): boolean {
  if (!/^[0-9a-f]{64}$/.test(input.sign)) return false;
  return timingSafeEqual(Buffer.from(expectedRequestSign(input), 'hex'), Buffer.from(input.sign, 'hex'));
}

/** The `Authorization` header of a webhook delivery. */
export function webhookAuthorization(appKey: string, appSecret: string, rawBody: string): string {
  return createHmac('sha256', appSecret).update(appKey).update(rawBody).digest('hex');
}
