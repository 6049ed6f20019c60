// Secrets at rest: AES-256-GCM under APP_ENCRYPTION_KEY (callers pass the key; this module reads no config).
export {
  decryptSecret,
  encryptSecret,
  SecretDecryptionError,
  toEncryptionKey,
  type SecretOptions,
} from './encrypt-secret';
