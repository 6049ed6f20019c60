// The published vectors (spec §3.4, §9.1) against BOTH sides: the client signer in lib/tiktok and the
// simulator's independent verifier, for requests and webhooks.
import vectors from './fixtures/tiktok-signing-vectors.json';

import { computeWebhookSignature, signRequest, verifyWebhookSignature } from '@/lib/tiktok';
import { expectedRequestSign, isValidRequestSign, webhookAuthorization } from '@/sandbox/tiktok-shop';

describe.each(vectors.request)('request vector $name', (vector) => {
  // The JSON import types every vector with every key; keep only the ones this vector has.
  const query = Object.fromEntries(
    Object.entries(vector.query).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  const rawBody = Buffer.from(vector.body, 'utf8');
  const params = Object.entries(query);

  it('client signRequest produces the expected sign', () => {
    const sign = signRequest({
      appSecret: vector.app_secret,
      path: vector.path,
      query,
      body: vector.body,
      contentType: vector.content_type,
    });
    expect(sign).toBe(vector.sign);
  });

  it('simulator verifier computes the same sign and accepts it', () => {
    const input = {
      appSecret: vector.app_secret,
      path: vector.path,
      params,
      rawBody,
      contentType: vector.content_type,
    };
    expect(expectedRequestSign(input)).toBe(vector.sign);
    expect(isValidRequestSign({ ...input, sign: vector.sign })).toBe(true);
  });

  it('simulator verifier rejects a tampered sign, an uppercase sign and a wrong secret', () => {
    const input = {
      appSecret: vector.app_secret,
      path: vector.path,
      params,
      rawBody,
      contentType: vector.content_type,
    };
    const flipped = (vector.sign[0] === 'a' ? 'b' : 'a') + vector.sign.slice(1);
    expect(isValidRequestSign({ ...input, sign: flipped })).toBe(false);
    expect(isValidRequestSign({ ...input, sign: vector.sign.toUpperCase() })).toBe(
      vector.sign === vector.sign.toUpperCase(),
    );
    expect(isValidRequestSign({ ...input, appSecret: `${vector.app_secret}x`, sign: vector.sign })).toBe(
      false,
    );
  });
});

describe('request signing details', () => {
  it('orders keys by byte order regardless of insertion order', () => {
    const base = { appSecret: 's', path: '/p', body: '' };
    expect(signRequest({ ...base, query: { b: '1', a: '2', B: '3' } })).toBe(
      signRequest({ ...base, query: { B: '3', a: '2', b: '1' } }),
    );
  });

  it('signs the body for JSON but not for multipart, and any body change breaks it', () => {
    const base = { appSecret: 's', path: '/p', query: { app_key: 'k', timestamp: '1' } };
    const withBody = signRequest({ ...base, body: '{"a":1}', contentType: 'application/json' });
    expect(withBody).not.toBe(signRequest({ ...base, contentType: 'application/json' }));
    expect(withBody).not.toBe(signRequest({ ...base, body: '{"a": 1}', contentType: 'application/json' }));
    expect(signRequest({ ...base, body: 'x', contentType: 'multipart/form-data; boundary=z' })).toBe(
      signRequest(base),
    );
  });
});

describe.each(vectors.webhook)('webhook vector $name', (vector) => {
  it('client computes and verifies the Authorization header', () => {
    expect(computeWebhookSignature(vector.app_key, vector.app_secret, vector.raw_body)).toBe(
      vector.authorization,
    );
    const input = { appKey: vector.app_key, appSecret: vector.app_secret, rawBody: vector.raw_body };
    expect(verifyWebhookSignature({ ...input, authorization: vector.authorization })).toBe(true);
    expect(
      verifyWebhookSignature({ ...input, authorization: ` ${vector.authorization.toUpperCase()} ` }),
    ).toBe(true);
  });

  it('simulator signs deliveries with the same header', () => {
    expect(webhookAuthorization(vector.app_key, vector.app_secret, vector.raw_body)).toBe(
      vector.authorization,
    );
  });

  it('client verification fails closed on tampering and malformed headers without throwing', () => {
    const input = { appKey: vector.app_key, appSecret: vector.app_secret };
    expect(
      verifyWebhookSignature({
        ...input,
        rawBody: `${vector.raw_body} `,
        authorization: vector.authorization,
      }),
    ).toBe(false);
    for (const authorization of [
      undefined,
      null,
      '',
      'Bearer x',
      vector.authorization.slice(2),
      `${vector.authorization}00`,
      'zz'.repeat(32),
    ]) {
      expect(verifyWebhookSignature({ ...input, rawBody: vector.raw_body, authorization })).toBe(false);
    }
  });
});
