import type { Priority, TikTokOrderStatus, WorkflowStatus } from '@/lib/db/schema/orders';
import { cn } from '@/lib/utils';
import { ORDER_STATUS_LABELS, PRIORITY_LABELS, WORKFLOW_STATUS_LABELS } from './labels';

// Dark text on pale fills (and white on the one saturated fill) keep every badge above 4.5:1 contrast.
const pill = 'inline-flex items-center gap-1 rounded-md px-2 py-0.5 text-xs font-medium whitespace-nowrap';

const WORKFLOW_TONE: Record<WorkflowStatus, string> = {
  new: 'bg-slate-100 text-slate-800',
  validated: 'bg-sky-100 text-sky-900',
  inventory_reserved: 'bg-indigo-100 text-indigo-900',
  ready_to_ship: 'bg-violet-100 text-violet-900',
  shipped: 'bg-emerald-100 text-emerald-900',
  completed: 'bg-emerald-200 text-emerald-950',
  failed: 'bg-red-100 text-red-900',
  cancelled: 'bg-zinc-200 text-zinc-800',
};

const ORDER_TONE: Partial<Record<TikTokOrderStatus, string>> = {
  UNPAID: 'border-amber-300 text-amber-900',
  ON_HOLD: 'border-amber-300 text-amber-900',
  CANCELLED: 'border-zinc-300 text-zinc-700',
  DELIVERED: 'border-emerald-300 text-emerald-900',
  COMPLETED: 'border-emerald-300 text-emerald-900',
};

export function WorkflowBadge({ status }: { status: WorkflowStatus }) {
  return <span className={cn(pill, WORKFLOW_TONE[status])}>{WORKFLOW_STATUS_LABELS[status]}</span>;
}

export function OrderStatusBadge({ status }: { status: TikTokOrderStatus }) {
  return (
    <span className={cn(pill, 'border bg-background', ORDER_TONE[status] ?? 'border-border text-foreground')}>
      {ORDER_STATUS_LABELS[status]}
    </span>
  );
}

const PRIORITY_TONE: Record<Priority, string> = {
  VIRAL: 'bg-fuchsia-700 text-white',
  HIGH: 'bg-orange-100 text-orange-900',
  MED: 'bg-sky-100 text-sky-900',
  AUTO: 'bg-muted text-foreground',
};

/**
 * VIRAL / HIGH / MED / AUTO with the impact score (0–100) that decided it. The title spells out
 * the estimated velocity so a hover explains why an order jumped the queue.
 */
export function PriorityBadge({
  priority,
  impactScore,
  velocity,
}: {
  priority: Priority;
  impactScore: number;
  velocity?: number;
}) {
  const title = `${PRIORITY_LABELS[priority]} priority · impact ${impactScore.toFixed(0)}/100${velocity ? ` · ~${velocity.toFixed(1)} orders/h for this product` : ''}`;
  return (
    <span className={cn(pill, PRIORITY_TONE[priority])} title={title} aria-label={title}>
      {priority}
      <span className="tabular-nums opacity-90">{impactScore.toFixed(0)}</span>
    </span>
  );
}
