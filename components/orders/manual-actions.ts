import type { WorkflowStatus } from '@/lib/db/schema/orders';
import { TRANSITIONS, type OrderFlags, type WorkflowEvent } from '@/lib/orders/workflow/transitions';

/**
 * What a person may do to an order by hand, read from the pipeline's transition table (the single
 * source of truth): events whose sources include `user`. A change of status is sent as
 * `{status}` (the public contract of POST /api/orders/{id}/status and /bulk/status); hold and release
 * keep the status and are sent as `{action}`. The route re-checks everything server-side.
 */
export type ManualAction = {
  event: WorkflowEvent;
  label: string;
  destructive: boolean;
  /** The request body's target: a status, or an action for the flag-only events. */
  body: { status: WorkflowStatus } | { action: 'hold' | 'release' };
};

const LABELS: Partial<Record<WorkflowEvent, string>> = {
  reserve_inventory: 'Reserve stock',
  mark_shipped: 'Mark as shipped',
  cancel: 'Cancel order',
  retry: 'Retry from start',
  hold: 'Hold for review',
  release: 'Release hold',
};

export const MANUAL_ACTIONS: ManualAction[] = Object.values(TRANSITIONS)
  .filter((transition) => transition.sources.includes('user') && transition.event in LABELS)
  .map((transition) => ({
    event: transition.event,
    label: LABELS[transition.event]!,
    destructive: transition.to === 'cancelled',
    body:
      transition.to === 'unchanged'
        ? { action: transition.event === 'hold' ? 'hold' : 'release' }
        : { status: transition.to },
  }));

const guardHolds = (guard: OrderFlags | undefined, flags: OrderFlags) =>
  !guard ||
  Object.entries(guard).every(([key, value]) => (flags[key as keyof OrderFlags] ?? false) === value);

/** The manual actions that apply to an order in `status` with these flags. */
export function manualActionsFor(status: WorkflowStatus, flags: OrderFlags = {}): ManualAction[] {
  return MANUAL_ACTIONS.filter(
    (action) =>
      TRANSITIONS[action.event].from.includes(status) && guardHolds(TRANSITIONS[action.event].guard, flags),
  );
}

/** Status targets offered for a bulk change (hold and release stay per order). */
export const BULK_STATUS_TARGETS = [
  ...new Map(
    MANUAL_ACTIONS.flatMap((action) =>
      'status' in action.body
        ? [[action.body.status, { status: action.body.status, label: action.label }] as const]
        : [],
    ),
  ).values(),
];
