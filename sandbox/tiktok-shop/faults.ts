// Fault injection, set by POST /__sandbox/faults. Each rate is either a probability (a number in 0..1,
// rolled per request or per webhook) or `{ "count": n }` (exactly the next n requests or webhooks).
import { z } from 'zod';

export type FaultRate = { probability: number } | { remaining: number };

export interface Faults {
  /** Added before every API-host answer. */
  latencyMs: number;
  /** API host answers HTTP 429 + code 36009002. */
  rate429?: FaultRate;
  /** API host answers HTTP 500 + code 36009003. */
  rate5xx?: FaultRate;
  /** A webhook notification is lost: never delivered, never retried (TikTok warns this happens). */
  dropWebhooks?: FaultRate;
  /** A webhook notification is delivered twice with the same tts_notification_id. */
  duplicateWebhooks?: FaultRate;
  /** A webhook notification is held back and sent after the next one. */
  reorderWebhooks?: FaultRate;
}

const rateInput = z.union([z.number().min(0).max(1), z.object({ count: z.number().int().min(0) })]);

export const faultsInputSchema = z.strictObject({
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  rate429: rateInput.optional(),
  rate5xx: rateInput.optional(),
  dropWebhooks: rateInput.optional(),
  duplicateWebhooks: rateInput.optional(),
  reorderWebhooks: rateInput.optional(),
});
export type FaultsInput = z.infer<typeof faultsInputSchema>;

const toRate = (input: z.infer<typeof rateInput> | undefined): FaultRate | undefined => {
  if (input === undefined) return undefined;
  return typeof input === 'number' ? { probability: input } : { remaining: input.count };
};

/** A POST replaces the whole fault set: anything not mentioned is switched off. */
export function toFaults(input: FaultsInput): Faults {
  return {
    latencyMs: input.latencyMs ?? 0,
    rate429: toRate(input.rate429),
    rate5xx: toRate(input.rate5xx),
    dropWebhooks: toRate(input.dropWebhooks),
    duplicateWebhooks: toRate(input.duplicateWebhooks),
    reorderWebhooks: toRate(input.reorderWebhooks),
  };
}

/** True when the fault fires this time; consumes one unit of a count. */
export function rollFault(rate: FaultRate | undefined, random: () => number): boolean {
  if (!rate) return false;
  if ('remaining' in rate) {
    if (rate.remaining <= 0) return false;
    rate.remaining -= 1;
    return true;
  }
  return rate.probability > 0 && random() < rate.probability;
}
