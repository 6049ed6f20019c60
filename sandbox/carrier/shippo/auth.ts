import { HttpError, json } from '../http/types';
import type { IncomingHttpHeaders } from 'node:http';

// `Authorization: ShippoToken shippo_test_...` (the SDK adds the prefix when the key starts
// with `shippo_`); a bare `shippo_*` key is tolerated. The key prefix decides test mode.

const KEY_PATTERN = /^shippo_(test|live)_[A-Za-z0-9_-]+$/;

export function authenticateShippo(
  headers: IncomingHttpHeaders,
  allowedKeys?: readonly string[],
): { testMode: boolean } {
  const header = headers.authorization?.trim();
  if (!header) {
    throw new HttpError(json(401, { detail: 'Authentication credentials were not provided.' }));
  }
  const key = header.replace(/^ShippoToken\s+/i, '');
  const match = KEY_PATTERN.exec(key);
  if (!match || (allowedKeys && !allowedKeys.includes(key))) {
    throw new HttpError(json(401, { detail: 'Token does not exist' }));
  }
  return { testMode: match[1] === 'test' };
}
