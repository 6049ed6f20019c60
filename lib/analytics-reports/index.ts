// Analytics reports: loadAnalyticsReport (server, through RLS) and the pure aggregation functions
// it is built from (ranges and zero-filled series, histogram percentiles, video spike summaries).
export { loadAnalyticsReport } from './load-analytics-report';
export {
  resolveRange,
  bucketStarts,
  fillSeries,
  rangeKeySchema,
  RANGE_KEYS,
  type RangeKey,
  type ReportRange,
  type Granularity,
} from './ranges';
export { percentileFromHistogram, summarizeDurations, type HistogramBucket } from './percentiles';
export { summarizeVideos, SPIKE_SHARE, type VideoHour, type VideoSales } from './videos';
export type { AnalyticsReport } from './types';
