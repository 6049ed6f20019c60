import type { Granularity, RangeKey } from './ranges';
import type { VideoSales } from './videos';

/** Everything the analytics page shows; every figure is aggregated from the database. */
export type AnalyticsReport = {
  range: { key: RangeKey; from: string; to: string; granularity: Granularity };
  currency: string;
  totals: {
    orders: number;
    revenue_cents: number;
    units: number;
    average_order_cents: number | null;
    cancelled: number;
  };
  series: { bucket: string; orders: number; revenue_cents: number }[];
  hour_of_day: { hour: number; orders: number }[];
  fulfillment: {
    shipped: number;
    p50_seconds: number | null;
    p95_seconds: number | null;
    on_time_rate: number | null;
  };
  label_spend: {
    labels: number;
    cost_cents: number;
    average_cents: number | null;
    series: { bucket: string; labels: number; cost_cents: number }[];
  };
  top_products: {
    tiktok_product_id: string;
    product_name: string;
    units: number;
    orders: number;
    revenue_cents: number;
  }[];
  videos: VideoSales[];
};
