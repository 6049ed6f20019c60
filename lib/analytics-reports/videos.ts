/**
 * "Videos that drove sales": orders attributed to a TikTok video (orders.viral_content_id), per
 * video, from hourly counts. Definitions:
 *
 *   peak hour          the UTC hour with the most orders (earliest on a tie)
 *   spike window       the run of consecutive hours around the peak in which every hour has at
 *                      least SPIKE_SHARE (50 %) of the peak's orders: when the video was hot
 *   spike velocity     orders in the spike window / its length in hours (orders per hour)
 *   share of revenue   the video's revenue / the revenue of all orders in the report range
 */
export const SPIKE_SHARE = 0.5;
const HOUR = 3600_000;

export type VideoHour = {
  viral_content_id: string;
  hour: Date | string;
  orders: number;
  units: number;
  revenue_cents: number;
};

export type VideoSales = {
  viral_content_id: string;
  orders: number;
  units: number;
  revenue_cents: number;
  first_order_hour: string;
  last_order_hour: string;
  peak_hour: string;
  peak_orders_per_hour: number;
  spike: { start: string; end: string; hours: number; orders: number; orders_per_hour: number };
  share_of_revenue: number | null;
};

export function summarizeVideos(rows: readonly VideoHour[], rangeRevenueCents: number): VideoSales[] {
  const byVideo = new Map<string, Map<number, VideoHour>>();
  for (const row of rows) {
    const hours = byVideo.get(row.viral_content_id) ?? new Map<number, VideoHour>();
    const start = Math.floor(new Date(row.hour).getTime() / HOUR) * HOUR;
    const existing = hours.get(start);
    hours.set(
      start,
      existing
        ? {
            ...existing,
            orders: existing.orders + row.orders,
            units: existing.units + row.units,
            revenue_cents: existing.revenue_cents + row.revenue_cents,
          }
        : row,
    );
    byVideo.set(row.viral_content_id, hours);
  }

  const videos: VideoSales[] = [];
  for (const [id, hours] of byVideo) {
    const starts = [...hours.keys()].sort((a, b) => a - b);
    const ordersAt = (start: number) => hours.get(start)?.orders ?? 0;
    let peak = starts[0]!;
    for (const start of starts) if (ordersAt(start) > ordersAt(peak)) peak = start;
    const floor = ordersAt(peak) * SPIKE_SHARE;
    let spikeStart = peak;
    while (ordersAt(spikeStart - HOUR) >= floor && ordersAt(spikeStart - HOUR) > 0) spikeStart -= HOUR;
    let spikeEnd = peak;
    while (ordersAt(spikeEnd + HOUR) >= floor && ordersAt(spikeEnd + HOUR) > 0) spikeEnd += HOUR;
    const spikeHours = (spikeEnd - spikeStart) / HOUR + 1;
    let spikeOrders = 0;
    for (let start = spikeStart; start <= spikeEnd; start += HOUR) spikeOrders += ordersAt(start);

    const totals = [...hours.values()].reduce(
      (sum, hour) => ({
        orders: sum.orders + hour.orders,
        units: sum.units + hour.units,
        revenue: sum.revenue + hour.revenue_cents,
      }),
      { orders: 0, units: 0, revenue: 0 },
    );
    videos.push({
      viral_content_id: id,
      orders: totals.orders,
      units: totals.units,
      revenue_cents: totals.revenue,
      first_order_hour: new Date(starts[0]!).toISOString(),
      last_order_hour: new Date(starts[starts.length - 1]!).toISOString(),
      peak_hour: new Date(peak).toISOString(),
      peak_orders_per_hour: ordersAt(peak),
      spike: {
        start: new Date(spikeStart).toISOString(),
        end: new Date(spikeEnd + HOUR).toISOString(),
        hours: spikeHours,
        orders: spikeOrders,
        orders_per_hour: Math.round((spikeOrders / spikeHours) * 100) / 100,
      },
      share_of_revenue:
        rangeRevenueCents > 0 ? Math.round((totals.revenue / rangeRevenueCents) * 1000) / 1000 : null,
    });
  }
  return videos.sort(
    (a, b) =>
      b.revenue_cents - a.revenue_cents ||
      b.orders - a.orders ||
      a.viral_content_id.localeCompare(b.viral_content_id),
  );
}
