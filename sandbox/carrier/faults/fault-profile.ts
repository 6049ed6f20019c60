import { z } from 'zod';

// Fault injection, set with `POST /__sandbox/faults`. A rule without `method`/`path`/`api`
// applies to every API request. Probabilities draw from a seeded generator, so a given
// seed and request sequence always fail the same way.

const errorStatus = z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]);

export const faultRuleSchema = z
  .object({
    api: z.enum(['shippo', 'easypost']).optional(),
    method: z.string().toUpperCase().optional(),
    /** Exact path (`/transactions`) or with `*` for one segment (`/v2/shipments/*\/buy`). */
    path: z.string().startsWith('/').optional(),
    /** Probability in [0, 1] that a matching request is affected. */
    rate: z.number().min(0).max(1).default(1),
    /** Affect only the next N matching requests. */
    count: z.number().int().positive().optional(),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    /** Answer this status instead of handling the request (nothing is committed). */
    status: z.union([z.literal(429), errorStatus]).optional(),
    retryAfterSec: z.number().int().min(0).default(1),
    /** Handle the request (commit), then answer this status or drop the connection. */
    afterCommit: z.union([errorStatus, z.literal('drop')]).optional(),
    /** Shippo transactions answer QUEUED and stay QUEUED forever (even with async:false). */
    neverResolve: z.boolean().optional(),
    /** Shippo transactions answer QUEUED even with async:false, then resolve (a real-world quirk). */
    forceQueued: z.boolean().optional(),
  })
  .strict();

export const webhookFaultsSchema = z
  .object({
    duplicateRate: z.number().min(0).max(1).default(0),
    dropRate: z.number().min(0).max(1).default(0),
    /** Deliveries queued in the same tick are sent in reverse order. */
    outOfOrder: z.boolean().default(false),
  })
  .strict();

export const faultProfileSchema = z
  .object({
    rules: z.array(faultRuleSchema).default([]),
    webhooks: webhookFaultsSchema.default({ duplicateRate: 0, dropRate: 0, outOfOrder: false }),
    seed: z.number().int().default(1),
  })
  .strict();

export type FaultRule = z.infer<typeof faultRuleSchema>;
export type WebhookFaults = z.infer<typeof webhookFaultsSchema>;
export type FaultProfile = z.infer<typeof faultProfileSchema>;

export const EMPTY_FAULT_PROFILE: FaultProfile = faultProfileSchema.parse({});

/** mulberry32: tiny, seedable, good enough for fault sampling. */
export function seededRandom(seed: number): () => number {
  let value = seed >>> 0;
  return () => {
    value = (value + 0x6d2b79f5) >>> 0;
    let t = value;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function pathMatches(pattern: string, path: string): boolean {
  const source = pattern
    .replace(/\/+$/, '')
    .replace(/[.+?^$()|[\]\\{}]/g, '\\$&')
    .replace(/\*/g, '[^/]+');
  return new RegExp(`^${source}$`).test(path);
}
