'use client';

import { AlertTriangle } from 'lucide-react';
import { LocalTime } from '@/components/ui/local-time';

/**
 * The dispatch deadline TikTok set (rts_sla_time). Overdue orders say so in words and colour, so
 * the highlight does not depend on seeing red. `overdue` comes from the database's clock.
 */
export function DispatchDeadline({
  iso,
  overdue,
  done,
}: {
  iso: string | null;
  overdue: boolean;
  done?: boolean;
}) {
  if (!iso) return <span className="text-muted-foreground">—</span>;
  if (done) {
    return (
      <span className="text-muted-foreground">
        <LocalTime iso={iso} short />
      </span>
    );
  }
  return (
    <span
      className={
        overdue ? 'inline-flex items-center gap-1 font-medium text-red-700' : 'inline-flex items-center gap-1'
      }
    >
      {overdue ? <AlertTriangle className="size-3.5" aria-hidden /> : null}
      {overdue ? <span className="sr-only">Overdue:</span> : null}
      <LocalTime iso={iso} relative short />
    </span>
  );
}
