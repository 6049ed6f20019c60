// Identifiers in TikTok's shapes: numeric snowflake-like IDs (18-19 digits, always strings), opaque
// tokens, and request ids of the form yyyyMMddHHmmss (UTC+8) + 20 uppercase hex characters.
import { randomBytes } from 'node:crypto';

/**
 * IDs are `prefix + epoch-ms·1000 + sequence`, strictly increasing per prefix, so they stay unique across
 * resets and restarts of the simulator (an app database that outlives a reset never sees a reused id).
 */
export function createIdFactory(nowMs: () => number) {
  const last = new Map<string, bigint>();
  return (prefix: string): string => {
    const floor = BigInt(Math.floor(nowMs())) * 1000n;
    const previous = last.get(prefix) ?? 0n;
    // A random start inside the millisecond keeps IDs from all ending in 000, like real snowflakes.
    const next = previous >= floor ? previous + 1n : floor + BigInt(Math.floor(Math.random() * 500));
    last.set(prefix, next);
    return prefix + next.toString().padStart(16, '0');
  };
}
export type IdFactory = ReturnType<typeof createIdFactory>;

/** Prefixes per entity, chosen to resemble real values (orders 57…, notifications 73…). */
export const ID_PREFIX = {
  order: '57',
  lineItem: '58',
  package: '11',
  notification: '732',
  cancel: '403',
  product: '173',
  sku: '174',
} as const;

export function opaqueToken(prefix: string): string {
  return prefix + randomBytes(24).toString('base64url');
}

export function requestId(nowMs: number): string {
  const utc8 = new Date(nowMs + 8 * 3600 * 1000).toISOString(); // 2026-06-19T01:32:26.000Z
  const stamp = utc8.slice(0, 19).replace(/[-T:]/g, '');
  return stamp + randomBytes(10).toString('hex').toUpperCase();
}

/** mulberry32: a tiny seeded PRNG so buyers, SKUs and fault dice are reproducible for a given seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
