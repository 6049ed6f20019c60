// AES-256-GCM for secrets at rest (TikTok tokens, carrier keys). The stored form is versioned so the
// algorithm or key can change later without guessing what an old value is:
//   v1:<iv>:<tag>:<ciphertext>   (each part base64; iv 96 bits, fresh per value; tag 128 bits)
// An optional associated-data string binds a value to where it lives (e.g. `tiktok_shops:<id>:access`),
// so a ciphertext copied into another row or column fails to decrypt instead of being trusted.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Why a stored secret could not be read: a wrong key, a tampered value, or not our format at all. */
export class SecretDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretDecryptionError';
  }
}

/** Accepts the 32-byte key itself or its base64 form (APP_ENCRYPTION_KEY). */
export function toEncryptionKey(key: Buffer | string): Buffer {
  const bytes = typeof key === 'string' ? Buffer.from(key, 'base64') : key;
  if (bytes.length !== KEY_BYTES || (typeof key === 'string' && !BASE64.test(key))) {
    throw new RangeError(`the encryption key must be ${KEY_BYTES} bytes (base64-encoded when given as text)`);
  }
  return bytes;
}

export interface SecretOptions {
  /** Authenticated but not encrypted context; the same string is required to decrypt. */
  associatedData?: string;
}

export function encryptSecret(plaintext: string, key: Buffer | string, options: SecretOptions = {}): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', toEncryptionKey(key), iv, { authTagLength: TAG_BYTES });
  if (options.associatedData !== undefined) cipher.setAAD(Buffer.from(options.associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString('base64'), tag.toString('base64'), ciphertext.toString('base64')].join(':');
}

function decodePart(part: string | undefined, name: string, expectedBytes?: number): Buffer {
  if (part === undefined || !BASE64.test(part)) throw new SecretDecryptionError(`malformed ${name}`);
  const bytes = Buffer.from(part, 'base64');
  if (expectedBytes !== undefined && bytes.length !== expectedBytes) {
    throw new SecretDecryptionError(`${name} must be ${expectedBytes} bytes`);
  }
  return bytes;
}

/** @throws SecretDecryptionError when the value is malformed, was altered, or was sealed under another key. */
export function decryptSecret(stored: string, key: Buffer | string, options: SecretOptions = {}): string {
  const parts = stored.split(':');
  if (parts.length !== 4) throw new SecretDecryptionError('not an encrypted secret (expected v1:<iv>:<tag>:<data>)');
  if (parts[0] !== VERSION) throw new SecretDecryptionError(`unsupported secret format "${parts[0]}"`);
  const iv = decodePart(parts[1], 'iv', IV_BYTES);
  const tag = decodePart(parts[2], 'auth tag', TAG_BYTES);
  const ciphertext = decodePart(parts[3], 'ciphertext');
  const decipher = createDecipheriv('aes-256-gcm', toEncryptionKey(key), iv, { authTagLength: TAG_BYTES });
  if (options.associatedData !== undefined) decipher.setAAD(Buffer.from(options.associatedData, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretDecryptionError('the secret failed authentication (altered, or sealed under another key)');
  }
}
