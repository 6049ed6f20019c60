/**
 * Percentiles from a histogram, so the database returns a few hundred (bucket, count) rows instead
 * of one duration per order. A bucket covers [start, start + width); within it values are taken as
 * evenly spread (linear interpolation), so the error is at most one bucket width. The fulfillment
 * query uses 1-second buckets below 10 minutes and 1-minute buckets above.
 */
export type HistogramBucket = { start: number; width: number; count: number };

export function percentileFromHistogram(
  buckets: readonly HistogramBucket[],
  percentile: number,
): number | null {
  if (percentile < 0 || percentile > 1) throw new RangeError('percentile must be within [0, 1]');
  const sorted = [...buckets].filter((bucket) => bucket.count > 0).sort((a, b) => a.start - b.start);
  const total = sorted.reduce((sum, bucket) => sum + bucket.count, 0);
  if (total === 0) return null;
  const rank = percentile * total;
  let seen = 0;
  for (const bucket of sorted) {
    if (seen + bucket.count >= rank) {
      const within = bucket.count === 0 ? 0 : (rank - seen) / bucket.count;
      return bucket.start + bucket.width * within;
    }
    seen += bucket.count;
  }
  const last = sorted[sorted.length - 1]!;
  return last.start + last.width;
}

export function summarizeDurations(buckets: readonly HistogramBucket[]): {
  count: number;
  p50: number | null;
  p95: number | null;
} {
  return {
    count: buckets.reduce((sum, bucket) => sum + bucket.count, 0),
    p50: percentileFromHistogram(buckets, 0.5),
    p95: percentileFromHistogram(buckets, 0.95),
  };
}
