import type { StatusSource, WorkflowStatus } from '@/lib/db/schema/orders';
import type { ConditionName } from './conditions';

/**
 * The order workflow as data: every way `orders.workflow_status` may change, who may cause it,
 * what must hold first and what happens with it. applyTransition() is the only writer of
 * workflow_status and refuses anything not listed here.
 *
 *   new ──validate──▶ validated ──reserve_inventory──▶ inventory_reserved ──label_purchased──▶ ready_to_ship
 *    │                 │ ▲ backorder (stays validated,                │                          │ ship
 *    │ reject          │ └ orders.backordered = true)                 │ ship (TikTok / carrier   ▼
 *    ▼                 ▼ fail                                         │   shows it moving)     shipped ──deliver──▶ completed
 *  failed ◀────────────────────────────────────────────────────────── fail
 *    └─retry (user)──▶ new        cancel: new | validated | inventory_reserved | ready_to_ship ──▶ cancelled
 *
 * `hold` / `release` (user) keep the status and flip orders.on_hold_for_review; a held order keeps
 * its stock but no label is bought for it.
 */
export const WORKFLOW_EVENTS = [
  'validate', 'reject', 'reserve_inventory', 'backorder', 'label_purchased', 'ship', 'mark_shipped',
  'deliver', 'cancel', 'fail', 'retry', 'hold', 'release',
] as const;
export type WorkflowEvent = (typeof WORKFLOW_EVENTS)[number];

export const ACTION_NAMES = [
  'classify_priority', 'apply_automation_rules', 'record_velocity', 'reserve_stock', 'raise_backorder_alert',
  'push_tracking', 'ship_stock', 'send_shipped_email', 'send_delivered_email', 'release_stock', 'void_label',
  'raise_pipeline_alert', 'schedule_advance',
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

/** Flags a transition requires (guard) or writes (set) together with the status, in one statement. */
export type OrderFlags = { backordered?: boolean; onHoldForReview?: boolean };

export type TransitionDef = {
  event: WorkflowEvent;
  from: readonly WorkflowStatus[];
  /** `unchanged` for events that only flip a flag (hold, release, backorder). */
  to: WorkflowStatus | 'unchanged';
  sources: readonly StatusSource[];
  conditions: readonly ConditionName[];
  actions: readonly ActionName[];
  guard?: OrderFlags;
  set?: OrderFlags;
  /** An action may refuse (stock is short): the status change and its effects roll back together. */
  mayVeto?: boolean;
};

const AUTOMATIC: readonly StatusSource[] = ['system', 'tiktok_shop', 'carrier'];
const PRE_SHIPMENT: readonly WorkflowStatus[] = ['new', 'validated', 'inventory_reserved', 'ready_to_ship'];

export const TRANSITIONS: Readonly<Record<WorkflowEvent, TransitionDef>> = {
  validate: {
    event: 'validate', from: ['new'], to: 'validated', sources: AUTOMATIC,
    conditions: ['payment_confirmed', 'order_data_valid'],
    actions: ['classify_priority', 'apply_automation_rules', 'record_velocity'],
  },
  reject: { event: 'reject', from: ['new'], to: 'failed', sources: AUTOMATIC, conditions: ['order_data_invalid'], actions: ['raise_pipeline_alert'] },
  reserve_inventory: {
    event: 'reserve_inventory', from: ['validated'], to: 'inventory_reserved', sources: [...AUTOMATIC, 'user'],
    conditions: ['not_cancelled_by_tiktok'], actions: ['reserve_stock'], set: { backordered: false }, mayVeto: true,
  },
  backorder: {
    event: 'backorder', from: ['validated'], to: 'unchanged', sources: AUTOMATIC, conditions: [],
    actions: ['raise_backorder_alert'], guard: { backordered: false }, set: { backordered: true },
  },
  label_purchased: {
    event: 'label_purchased', from: ['inventory_reserved'], to: 'ready_to_ship', sources: ['system'],
    conditions: ['label_bought'], actions: ['push_tracking'],
  },
  ship: {
    event: 'ship', from: ['inventory_reserved', 'ready_to_ship'], to: 'shipped', sources: AUTOMATIC,
    conditions: ['handed_to_carrier'], actions: ['ship_stock', 'send_shipped_email'],
  },
  mark_shipped: {
    event: 'mark_shipped', from: ['inventory_reserved', 'ready_to_ship'], to: 'shipped', sources: ['user'],
    conditions: [], actions: ['ship_stock', 'push_tracking', 'send_shipped_email'],
  },
  deliver: {
    event: 'deliver', from: ['shipped'], to: 'completed', sources: AUTOMATIC, conditions: ['delivery_confirmed'],
    actions: ['send_delivered_email'],
  },
  cancel: {
    event: 'cancel', from: PRE_SHIPMENT, to: 'cancelled', sources: ['tiktok_shop', 'user', 'system'], conditions: [],
    actions: ['release_stock', 'void_label'], set: { backordered: false },
  },
  fail: {
    event: 'fail', from: ['validated', 'inventory_reserved'], to: 'failed', sources: ['system', 'carrier'], conditions: [],
    actions: ['release_stock', 'raise_pipeline_alert'], set: { backordered: false },
  },
  retry: { event: 'retry', from: ['failed'], to: 'new', sources: ['user'], conditions: [], actions: ['schedule_advance'] },
  hold: {
    event: 'hold', from: ['new', 'validated', 'inventory_reserved'], to: 'unchanged', sources: ['user'], conditions: [],
    actions: [], guard: { onHoldForReview: false }, set: { onHoldForReview: true },
  },
  release: {
    event: 'release', from: ['new', 'validated', 'inventory_reserved'], to: 'unchanged', sources: ['user'], conditions: [],
    actions: ['schedule_advance'], guard: { onHoldForReview: true }, set: { onHoldForReview: false },
  },
};

export function transitionFor(event: WorkflowEvent): TransitionDef {
  return TRANSITIONS[event];
}

/** Where `event` takes an order that is `from` (undefined: the event does not apply there). */
export function targetOf(event: WorkflowEvent, from: WorkflowStatus): WorkflowStatus | undefined {
  const def = TRANSITIONS[event];
  if (!def.from.includes(from)) return undefined;
  return def.to === 'unchanged' ? from : def.to;
}
