// Client-side token buckets so one shop never exceeds TikTok's quota (spec §4.3: 50 QPS per API per
// (app, shop)). Callers wait for a token rather than fail; 429s that still happen are retried by the caller.

export interface RateLimiter {
  /** Resolves once a request to `endpoint` may be sent. */
  acquire(endpoint: string): Promise<void>;
}

interface Bucket {
  tokens: number;
  capacity: number;
  refillPerMs: number;
  refilledAt: number;
}

export interface RateLimiterOptions {
  perEndpointPerSecond: number;
  overallPerMinute: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

function createBucket(capacity: number, windowMs: number, now: number): Bucket {
  return { tokens: capacity, capacity, refillPerMs: capacity / windowMs, refilledAt: now };
}

function refill(bucket: Bucket, now: number): void {
  const elapsed = Math.max(0, now - bucket.refilledAt);
  bucket.tokens = Math.min(bucket.capacity, bucket.tokens + elapsed * bucket.refillPerMs);
  bucket.refilledAt = now;
}

function msUntilToken(bucket: Bucket): number {
  return bucket.tokens >= 1 ? 0 : (1 - bucket.tokens) / bucket.refillPerMs;
}

/** One limiter per shop: a bucket per endpoint (per second) plus one for the shop overall (per minute). */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  if (options.perEndpointPerSecond <= 0 || options.overallPerMinute <= 0) {
    throw new RangeError('rate limits must be positive');
  }
  const overall = createBucket(options.overallPerMinute, 60_000, options.now());
  const perEndpoint = new Map<string, Bucket>();

  return {
    async acquire(endpoint) {
      for (;;) {
        const now = options.now();
        let bucket = perEndpoint.get(endpoint);
        if (!bucket) {
          bucket = createBucket(options.perEndpointPerSecond, 1000, now);
          perEndpoint.set(endpoint, bucket);
        }
        refill(bucket, now);
        refill(overall, now);
        // Take from both buckets in one synchronous step so concurrent callers cannot overdraw.
        if (bucket.tokens >= 1 && overall.tokens >= 1) {
          bucket.tokens -= 1;
          overall.tokens -= 1;
          return;
        }
        await options.sleep(Math.max(1, Math.ceil(Math.max(msUntilToken(bucket), msUntilToken(overall)))));
      }
    },
  };
}
