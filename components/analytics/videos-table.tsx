import { Clapperboard } from 'lucide-react';
import { EmptyState } from '@/components/shared/empty-state';
import { formatDecimal, formatInteger, formatMoney, formatUtc } from '@/components/ui/format';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { VideoSales } from '@/lib/analytics-reports/videos';

const pct = (value: number | null) => (value === null ? '—' : `${formatDecimal(value * 100)} %`);

/** Orders grouped by the TikTok video they came from, with when the video was hot and how hot. */
export function VideosTable({ videos, currency }: { videos: VideoSales[]; currency: string }) {
  if (videos.length === 0) {
    return (
      <EmptyState
        icon={Clapperboard}
        title="No video-attributed orders in this range"
        description="Orders that TikTok attributes to a video (viral_content_id) are grouped here with their spike window."
      />
    );
  }
  return (
    <div className="rounded-xl border bg-card">
      <Table>
        <caption className="sr-only">Videos that drove sales, most revenue first</caption>
        <TableHeader>
          <TableRow>
            <TableHead>Video</TableHead>
            <TableHead className="text-right">Orders</TableHead>
            <TableHead className="text-right">Units</TableHead>
            <TableHead className="text-right">Revenue</TableHead>
            <TableHead className="text-right">Share</TableHead>
            <TableHead>Spike window (UTC)</TableHead>
            <TableHead className="text-right">Spike pace</TableHead>
            <TableHead className="text-right">Peak</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {videos.map((video) => (
            <TableRow key={video.viral_content_id} data-testid="video-row">
              <TableCell className="font-mono text-xs">{video.viral_content_id}</TableCell>
              <TableCell className="text-right tabular-nums">{formatInteger(video.orders)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatInteger(video.units)}</TableCell>
              <TableCell className="text-right tabular-nums">
                {formatMoney(video.revenue_cents, currency)}
              </TableCell>
              <TableCell className="text-right tabular-nums">{pct(video.share_of_revenue)}</TableCell>
              <TableCell>
                {formatUtc(video.spike.start)} → {new Date(video.spike.end).toISOString().slice(11, 16)}
                <div className="text-xs text-muted-foreground">
                  {video.spike.hours} h · {formatInteger(video.spike.orders)} order
                  {video.spike.orders === 1 ? '' : 's'}
                </div>
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {formatDecimal(video.spike.orders_per_hour)}/h
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {formatInteger(video.peak_orders_per_hour)}/h
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
