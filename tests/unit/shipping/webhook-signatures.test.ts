import { createHmac } from 'node:crypto';
import {
  signEasyPostWebhook,
  signShippoWebhook,
  verifyEasyPostWebhook,
  verifyShippoWebhook,
} from '@/lib/shipping/carriers/webhooks';
import { easyPostSignatureHeader, shippoSignatureHeader } from '@/sandbox/carrier/webhooks/sign';

// Appendix A vectors, checked against both the adapter's verifier and the sandbox's signer.

const EASYPOST_BODY = '{"description":"tracker.updated","id":"evt_1"}';
const EASYPOST_SIGNATURE = 'hmac-sha256-hex=a3ee1114b9d16304f45281390ea5e06c5573503fc9b8950328c720ab6c75cf54';
const SHIPPO_BODY =
  '{"event":"track_updated","test":true,"data":{"carrier":"shippo","tracking_number":"SHIPPO_DELIVERED"}}';
const SHIPPO_SIGNATURE = 't=1700000000,v1=9286af5912a7542aa0c2e9ce8f4c21eedb7aa5cbcabc428ee01f9023e6af4a75';
const SHIPPO_NOW = new Date(1_700_000_000 * 1000 + 30_000);
const SHIPPO_URL = 'https://app.example/api/webhooks/shippo?token=tok_abc';

describe('EasyPost legacy HMAC', () => {
  test('vector: secret "sécret" (NFKD) over the raw body', () => {
    expect(signEasyPostWebhook('sécret', EASYPOST_BODY)).toBe(EASYPOST_SIGNATURE);
    expect(easyPostSignatureHeader('sécret', EASYPOST_BODY)).toBe(EASYPOST_SIGNATURE);
    expect(
      verifyEasyPostWebhook({
        rawBody: Buffer.from(EASYPOST_BODY),
        headers: { 'X-Hmac-Signature': EASYPOST_SIGNATURE },
        secret: 'sécret',
      }),
    ).toEqual({ ok: true });
  });

  test('NFKD pitfall: skipping normalisation gives the wrong digest; NFC and NFD secrets both verify', () => {
    const unnormalised = createHmac('sha256', 'sécret'.normalize('NFC')).update(EASYPOST_BODY).digest('hex');
    expect(unnormalised.startsWith('9702f681')).toBe(true);
    expect(unnormalised.endsWith('6c40')).toBe(true);
    expect(`hmac-sha256-hex=${unnormalised}`).not.toBe(EASYPOST_SIGNATURE);
    for (const form of ['NFC', 'NFD'] as const) {
      const headers = { 'x-hmac-signature': EASYPOST_SIGNATURE };
      expect(
        verifyEasyPostWebhook({ rawBody: EASYPOST_BODY, headers, secret: 'sécret'.normalize(form) }),
      ).toEqual({ ok: true });
    }
  });

  test('a re-serialised body, a wrong secret and a missing header fail', () => {
    const headers = new Headers({ 'X-Hmac-Signature': EASYPOST_SIGNATURE });
    const reserialised = JSON.stringify(JSON.parse(EASYPOST_BODY), null, 1);
    expect(verifyEasyPostWebhook({ rawBody: reserialised, headers, secret: 'sécret' })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(verifyEasyPostWebhook({ rawBody: EASYPOST_BODY, headers, secret: 'secret' })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(verifyEasyPostWebhook({ rawBody: EASYPOST_BODY, headers: {}, secret: 'sécret' })).toEqual({
      ok: false,
      reason: 'missing_signature',
    });
  });
});

describe('Shippo URL token + HMAC', () => {
  const verify = (overrides: Partial<Parameters<typeof verifyShippoWebhook>[0]> = {}) =>
    verifyShippoWebhook({
      rawBody: SHIPPO_BODY,
      headers: { 'shippo-auth-signature': SHIPPO_SIGNATURE },
      url: SHIPPO_URL,
      expectedToken: 'tok_abc',
      hmacSecret: 'whsec_test_123',
      now: SHIPPO_NOW,
      toleranceSec: 300,
      ...overrides,
    });

  test('vector: t=1700000000 over "t.body"', () => {
    expect(signShippoWebhook('whsec_test_123', SHIPPO_BODY, 1_700_000_000)).toBe(SHIPPO_SIGNATURE);
    expect(shippoSignatureHeader('whsec_test_123', SHIPPO_BODY, 1_700_000_000)).toBe(SHIPPO_SIGNATURE);
    expect(verify()).toEqual({ ok: true });
  });

  test('header name is case-insensitive; extra v1 values are allowed', () => {
    expect(
      verify({
        headers: new Headers({ 'Shippo-Auth-Signature': `${SHIPPO_SIGNATURE},v1=${'0'.repeat(64)}` }),
      }),
    ).toEqual({ ok: true });
  });

  test.each([
    ['missing token', { url: 'https://app.example/api/webhooks/shippo' }, 'missing_token'],
    ['wrong token', { url: `${SHIPPO_URL}x` }, 'bad_token'],
    ['missing signature', { headers: {} }, 'missing_signature'],
    ['malformed signature', { headers: { 'shippo-auth-signature': 'v1=abc' } }, 'malformed_signature'],
    ['outside the window', { now: new Date(1_700_000_000 * 1000 + 301_000) }, 'stale_timestamp'],
    ['tampered body', { rawBody: SHIPPO_BODY.replace('DELIVERED', 'RETURNED') }, 'bad_signature'],
    ['nothing configured', { expectedToken: undefined, hmacSecret: undefined }, 'not_configured'],
  ] as const)('%s', (_name, overrides, reason) => {
    expect(verify(overrides)).toEqual({ ok: false, reason });
  });

  test('token only (HMAC not enabled for the account)', () => {
    expect(verify({ hmacSecret: undefined, headers: {} })).toEqual({ ok: true });
  });
});
