'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useMemo } from 'react';
import { cn } from '@/lib/utils';
import type { ChangeTable } from './schemas';
import type { StreamStatus } from './stream-connection';
import { throttle, useLiveChanges } from './use-live-changes';

/**
 * For server-rendered pages (inventory, shipping, analytics): re-renders the page on the server
 * when one of `tables` changes in the current account, at most every `minIntervalMs`, and shows
 * whether the page is live.
 */
export function LiveRefresh({
  accountId,
  tables,
  minIntervalMs = 3000,
}: {
  accountId: string;
  tables: readonly ChangeTable[];
  minIntervalMs?: number;
}) {
  const router = useRouter();
  const refresh = useMemo(() => throttle(() => router.refresh(), minIntervalMs), [router, minIntervalMs]);
  useEffect(() => () => refresh.cancel(), [refresh]);
  const status = useLiveChanges(accountId, tables, () => refresh.run());
  return <LiveIndicator status={status} />;
}

const LABELS: Record<StreamStatus, string> = { live: 'Live', connecting: 'Connecting…', offline: 'Offline' };

export function LiveIndicator({ status }: { status: StreamStatus }) {
  return (
    <span
      className="inline-flex items-center gap-1.5 text-xs text-muted-foreground"
      role="status"
      aria-live="polite"
    >
      <span
        aria-hidden
        className={cn(
          'size-2 rounded-full',
          status === 'live' ? 'bg-success' : status === 'connecting' ? 'bg-warning' : 'bg-muted-foreground',
        )}
      />
      {LABELS[status]}
    </span>
  );
}
