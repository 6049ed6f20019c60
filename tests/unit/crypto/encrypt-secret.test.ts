import { randomBytes } from 'node:crypto';
import { decryptSecret, encryptSecret, SecretDecryptionError, toEncryptionKey } from '@/lib/crypto';

const key = randomBytes(32);
const otherKey = randomBytes(32);

/** Flips one bit of one decoded part of a `v1:<iv>:<tag>:<data>` value and re-encodes it. */
function flipBit(stored: string, partIndex: 1 | 2 | 3): string {
  const parts = stored.split(':');
  const bytes = Buffer.from(parts[partIndex]!, 'base64');
  bytes[0] = bytes[0]! ^ 0x01;
  parts[partIndex] = bytes.toString('base64');
  return parts.join(':');
}

const expectDecryptionError = (run: () => unknown) => expect(run).toThrow(SecretDecryptionError);

describe('encryptSecret / decryptSecret', () => {
  test('round-trips text, including unicode and the empty string', () => {
    for (const plaintext of ['TTP_pwSm2AAAAA-token', 'ñandú 🦩', '']) {
      expect(decryptSecret(encryptSecret(plaintext, key), key)).toBe(plaintext);
    }
  });

  test('writes the versioned format with a 96-bit IV and a 128-bit tag', () => {
    const [version, iv, tag, data] = encryptSecret('secret', key).split(':');
    expect(version).toBe('v1');
    expect(Buffer.from(iv!, 'base64')).toHaveLength(12);
    expect(Buffer.from(tag!, 'base64')).toHaveLength(16);
    expect(Buffer.from(data!, 'base64')).toHaveLength('secret'.length);
  });

  test('uses a fresh IV each time, so equal secrets never look equal at rest', () => {
    const first = encryptSecret('same', key);
    const second = encryptSecret('same', key);
    expect(first).not.toBe(second);
    expect(first.split(':')[1]).not.toBe(second.split(':')[1]);
  });

  test.each<[1 | 2 | 3, string]>([
    [1, 'iv'],
    [2, 'auth tag'],
    [3, 'ciphertext'],
  ])('one flipped bit in part %s (%s) is refused', (part) => {
    const stored = encryptSecret('refresh-token-value', key);
    expectDecryptionError(() => decryptSecret(flipBit(stored, part), key));
  });

  test('a value sealed under another key is refused', () => {
    expectDecryptionError(() => decryptSecret(encryptSecret('x', otherKey), key));
  });

  test('associated data binds the value to its place', () => {
    const stored = encryptSecret('token', key, { associatedData: 'tiktok_shops:a:access' });
    expect(decryptSecret(stored, key, { associatedData: 'tiktok_shops:a:access' })).toBe('token');
    expectDecryptionError(() => decryptSecret(stored, key, { associatedData: 'tiktok_shops:b:access' }));
    expectDecryptionError(() => decryptSecret(stored, key));
  });

  test.each([
    'plaintext-token',
    'v2:AAAA:AAAA:AAAA',
    'v1:not base64!:AAAA:AAAA',
    'v1:AAAAAAAAAAAAAAAA:AAAA:AAAA',
    'v1::::',
  ])('malformed stored value %p is refused with a clear error', (stored) => {
    expectDecryptionError(() => decryptSecret(stored, key));
  });

  test('the key must be 32 bytes, raw or base64', () => {
    expect(toEncryptionKey(key.toString('base64'))).toEqual(key);
    expect(() => toEncryptionKey(randomBytes(16))).toThrow(RangeError);
    expect(() => toEncryptionKey('c2hvcnQ=')).toThrow(RangeError);
    const fromBase64 = encryptSecret('x', key.toString('base64'));
    expect(decryptSecret(fromBase64, key)).toBe('x');
  });
});
