import {
  bucketStarts,
  fillSeries,
  percentileFromHistogram,
  rangeKeySchema,
  resolveRange,
  summarizeDurations,
  summarizeVideos,
  type VideoHour,
} from '@/lib/analytics-reports';

const now = new Date('2026-11-23T15:42:10Z');

describe('ranges and series', () => {
  test('24h is 24 UTC hours ending with the current hour; 7d is 7 UTC days ending today', () => {
    expect(resolveRange('24h', now)).toEqual({
      key: '24h',
      from: new Date('2026-11-22T16:00:00Z'),
      to: new Date('2026-11-23T16:00:00Z'),
      granularity: 'hour',
    });
    const week = resolveRange('7d', now);
    expect([week.from.toISOString(), week.to.toISOString(), week.granularity]).toEqual([
      '2026-11-17T00:00:00.000Z',
      '2026-11-24T00:00:00.000Z',
      'day',
    ]);
    expect(bucketStarts(week)).toHaveLength(7);
    expect(bucketStarts(resolveRange('24h', now))).toHaveLength(24);
  });

  test('an unknown range falls back to 7 days', () => {
    expect(rangeKeySchema.parse('forever')).toBe('7d');
    expect(rangeKeySchema.parse('30d')).toBe('30d');
  });

  test('fillSeries zero-fills missing buckets and drops rows outside the range', () => {
    const range = {
      from: new Date('2026-11-20T00:00:00Z'),
      to: new Date('2026-11-23T00:00:00Z'),
      granularity: 'day' as const,
    };
    const series = fillSeries(
      range,
      [
        { bucket: new Date('2026-11-21T00:00:00Z'), orders: 4 },
        { bucket: '2026-11-25T00:00:00.000Z', orders: 99 },
      ],
      { orders: 0 },
    );
    expect(series).toEqual([
      { bucket: '2026-11-20T00:00:00.000Z', orders: 0 },
      { bucket: '2026-11-21T00:00:00.000Z', orders: 4 },
      { bucket: '2026-11-22T00:00:00.000Z', orders: 0 },
    ]);
  });
});

describe('percentiles from a histogram', () => {
  test('interpolates within the bucket that holds the rank', () => {
    // 10 orders shipped in second 0..1, 10 in 100..101, 80 in minute 10..11 (600..660 s).
    const buckets = [
      { start: 600, width: 60, count: 80 },
      { start: 0, width: 1, count: 10 },
      { start: 100, width: 1, count: 10 },
    ];
    expect(percentileFromHistogram(buckets, 0.1)).toBe(1);
    expect(percentileFromHistogram(buckets, 0.15)).toBe(100.5);
    // rank 50 is the 30th of 80 in the 600 s bucket: 600 + 60 × 30/80
    expect(percentileFromHistogram(buckets, 0.5)).toBe(622.5);
    expect(percentileFromHistogram(buckets, 1)).toBe(660);
    expect(summarizeDurations(buckets)).toEqual({ count: 100, p50: 622.5, p95: 600 + 60 * (75 / 80) });
  });

  test('no data gives no figure; a percentile outside [0, 1] is an error', () => {
    expect(percentileFromHistogram([], 0.5)).toBeNull();
    expect(summarizeDurations([{ start: 5, width: 1, count: 0 }])).toEqual({
      count: 0,
      p50: null,
      p95: null,
    });
    expect(() => percentileFromHistogram([{ start: 0, width: 1, count: 1 }], 1.5)).toThrow(RangeError);
  });
});

describe('videos that drove sales', () => {
  const hour = (h: number) => `2026-11-23T${String(h).padStart(2, '0')}:00:00.000Z`;
  const row = (id: string, h: number, orders: number, revenue = orders * 2500): VideoHour => ({
    viral_content_id: id,
    hour: hour(h),
    orders,
    units: orders,
    revenue_cents: revenue,
  });

  test('peak hour, spike window (hours ≥ half the peak, contiguous) and its velocity', () => {
    const [video] = summarizeVideos(
      [
        row('v1', 8, 2),
        row('v1', 9, 30),
        row('v1', 10, 80),
        row('v1', 11, 45),
        row('v1', 12, 10),
        row('v1', 14, 60),
      ],
      1_000_000,
    );
    expect(video).toMatchObject({
      viral_content_id: 'v1',
      orders: 227,
      peak_hour: hour(10),
      peak_orders_per_hour: 80,
      first_order_hour: hour(8),
      last_order_hour: hour(14),
      // 11:00 has 45 ≥ 40; 09:00 has 30 < 40; 14:00 is not contiguous (13:00 had none)
      spike: { start: hour(10), end: hour(12), hours: 2, orders: 125, orders_per_hour: 62.5 },
      share_of_revenue: 0.568,
    });
  });

  test('several videos, most revenue first; duplicate hour rows are merged', () => {
    const videos = summarizeVideos(
      [row('small', 1, 3), row('big', 2, 5), row('big', 2, 5), row('big', 3, 1)],
      0,
    );
    expect(videos.map((video) => [video.viral_content_id, video.orders, video.peak_orders_per_hour])).toEqual(
      [
        ['big', 11, 10],
        ['small', 3, 3],
      ],
    );
    expect(videos[0]!.share_of_revenue).toBeNull();
  });
});
