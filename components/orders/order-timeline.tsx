import { LocalTime } from '@/components/ui/local-time';
import type { StatusHistoryEntry } from '@/lib/orders/queries/types';
import { ORDER_STATUS_LABELS, WORKFLOW_STATUS_LABELS } from './labels';

const SOURCE_LABELS: Record<StatusHistoryEntry['source'], string> = {
  system: 'CreatorFlow',
  user: 'Team member',
  tiktok_shop: 'TikTok Shop',
  carrier: 'Carrier',
};

const EVENT_LABELS: Record<string, string> = {
  hold: 'Held for review',
  release: 'Hold released',
  backorder: 'Backordered: waiting for stock',
};

function describe(entry: StatusHistoryEntry): string {
  const parts: string[] = [];
  if (entry.to_workflow_status && entry.to_workflow_status !== entry.from_workflow_status) {
    parts.push(
      `${entry.from_workflow_status ? WORKFLOW_STATUS_LABELS[entry.from_workflow_status] : 'Received'} → ${WORKFLOW_STATUS_LABELS[entry.to_workflow_status]}`,
    );
  }
  if (entry.to_order_status && entry.to_order_status !== entry.from_order_status) {
    parts.push(`TikTok: ${ORDER_STATUS_LABELS[entry.to_order_status]}`);
  }
  if (parts.length === 0 && entry.event)
    parts.push(EVENT_LABELS[entry.event] ?? entry.event.replace(/_/g, ' '));
  return parts.join(' · ') || 'Updated';
}

/** The order's history (order_status_history), oldest first, with who or what caused each step. */
export function OrderTimeline({ history }: { history: StatusHistoryEntry[] }) {
  if (history.length === 0)
    return <p className="text-sm text-muted-foreground">No status changes recorded yet.</p>;
  return (
    <ol className="relative space-y-4 border-l pl-5">
      {history.map((entry) => (
        <li key={entry.id} className="relative">
          <span
            aria-hidden
            className="absolute top-1.5 -left-[25px] size-2.5 rounded-full border-2 border-background bg-foreground"
          />
          <p className="text-sm font-medium">{describe(entry)}</p>
          <p className="text-xs text-muted-foreground">
            <LocalTime iso={entry.created_at} /> ·{' '}
            {entry.source === 'user' && entry.actor_name ? entry.actor_name : SOURCE_LABELS[entry.source]}
          </p>
          {entry.reason ? <p className="mt-1 text-sm text-muted-foreground">“{entry.reason}”</p> : null}
        </li>
      ))}
    </ol>
  );
}
