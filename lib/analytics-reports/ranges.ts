import { z } from 'zod';

/**
 * The report windows the analytics page offers. Buckets are UTC hours or UTC days; `to` is
 * exclusive and lies at the end of the current bucket, so the current hour/day is included.
 */
export const RANGE_KEYS = ['24h', '7d', '30d', '90d'] as const;
export type RangeKey = (typeof RANGE_KEYS)[number];
export type Granularity = 'hour' | 'day';
export type ReportRange = { key: RangeKey; from: Date; to: Date; granularity: Granularity };

export const rangeKeySchema = z.enum(RANGE_KEYS).catch('7d');

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export const startOfUtcHour = (date: Date): Date => new Date(Math.floor(date.getTime() / HOUR) * HOUR);
export const startOfUtcDay = (date: Date): Date => new Date(Math.floor(date.getTime() / DAY) * DAY);
export const bucketMs = (granularity: Granularity): number => (granularity === 'hour' ? HOUR : DAY);

export function resolveRange(key: RangeKey, now: Date): ReportRange {
  if (key === '24h') {
    const end = new Date(startOfUtcHour(now).getTime() + HOUR);
    return { key, from: new Date(end.getTime() - 24 * HOUR), to: end, granularity: 'hour' };
  }
  const days = key === '7d' ? 7 : key === '30d' ? 30 : 90;
  const end = new Date(startOfUtcDay(now).getTime() + DAY);
  return { key, from: new Date(end.getTime() - days * DAY), to: end, granularity: 'day' };
}

/** Every bucket start in [from, to), in order. */
export function bucketStarts(range: Pick<ReportRange, 'from' | 'to' | 'granularity'>): Date[] {
  const step = bucketMs(range.granularity);
  const starts: Date[] = [];
  for (let time = range.from.getTime(); time < range.to.getTime(); time += step) starts.push(new Date(time));
  return starts;
}

/**
 * A zero-filled series: one point per bucket of the range, taking values from `rows` (keyed by
 * bucket start) and `empty` where the database returned nothing. Rows outside the range are dropped.
 */
export function fillSeries<T extends object>(
  range: Pick<ReportRange, 'from' | 'to' | 'granularity'>,
  rows: readonly ({ bucket: Date | string } & T)[],
  empty: T,
): ({ bucket: string } & T)[] {
  const byStart = new Map(
    rows.map(({ bucket, ...values }) => [new Date(bucket).getTime(), values as unknown as T]),
  );
  return bucketStarts(range).map((start) => ({
    bucket: start.toISOString(),
    ...(byStart.get(start.getTime()) ?? empty),
  }));
}
