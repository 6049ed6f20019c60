// Retries with exponential backoff and full jitter (AWS "Exponential Backoff and Jitter"), honouring
// Retry-After. Only errors TikTokApiError marks retryable (429, 5xx, network) are retried.
import { isTikTokApiError, type TikTokApiError } from './errors';

export interface RetryOptions {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  onRetry?: (attempt: number, delayMs: number, error: TikTokApiError) => void;
}

/**
 * Delay before retry number `attempt` (1-based): uniform in [0, min(max, base·2^(attempt-1))), but never
 * shorter than the server's Retry-After. Both are capped at `maxDelayMs` so a worker is never parked for long.
 */
export function backoffDelay(attempt: number, options: RetryOptions, retryAfterMs?: number): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.floor(options.random() * ceiling);
  if (retryAfterMs === undefined) return jittered;
  return Math.min(options.maxDelayMs, Math.max(retryAfterMs, jittered));
}

export async function withRetry<T>(operation: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      if (!isTikTokApiError(error) || !error.retryable || attempt >= options.maxAttempts) throw error;
      const delayMs = backoffDelay(attempt, options, error.retryAfterMs);
      options.onRetry?.(attempt, delayMs, error);
      await options.sleep(delayMs);
    }
  }
}
