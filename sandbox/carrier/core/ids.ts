import { randomBytes, randomInt } from 'node:crypto';

// Identifier and timestamp formats the real APIs use, so SDK validation and adapters
// see the same shapes as in production.

/** Shippo object ids: 32 lowercase hex characters. */
export function shippoId(): string {
  return randomBytes(16).toString('hex');
}

/** EasyPost ids: `<prefix>_` + 32 hex characters (`shp_`, `rate_`, `trk_`, `evt_`, ...). */
export function easyPostId(prefix: string): string {
  return `${prefix}_${randomBytes(16).toString('hex')}`;
}

/** Sandbox tracking numbers: `SBX` + 20 digits, never colliding with a real carrier's format. */
export function sandboxTrackingNumber(taken: (candidate: string) => boolean): string {
  for (;;) {
    let digits = '';
    while (digits.length < 20) digits += String(randomInt(0, 1_000_000_000)).padStart(9, '0');
    const candidate = `SBX${digits.slice(0, 20)}`;
    if (!taken(candidate)) return candidate;
  }
}

/** `YYYY-MM-DDTHH:MM:SS.sssZ`, as the SDK's `z.iso.datetime` expects. */
export function isoAt(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
