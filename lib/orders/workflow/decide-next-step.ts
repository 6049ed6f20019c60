import type { StatusSource, TikTokOrderStatus, WorkflowStatus } from '@/lib/db/schema/orders';
import { CONDITIONS, deliveredBy, deliveredOnTikTok, orderDataProblems, recipientProblems, shippedBy } from './conditions';
import type { OrderSnapshot } from './snapshot';
import type { WorkflowEvent } from './transitions';

/**
 * What the workflow engine does next with an order, decided from a snapshot alone (pure, so the
 * whole policy is unit-tested without a database):
 * - `transition`: apply this event;
 * - `request_label`: the order may get a label; the shipping.buy-label job buys it;
 * - `wait`: nothing to do until something outside changes (TikTok, stock, a person, the carrier);
 * - `done`: a final state.
 */
export type NextStep =
  | { kind: 'transition'; event: WorkflowEvent; source: StatusSource; reason: string }
  | { kind: 'request_label' }
  | { kind: 'wait'; reason: string }
  | { kind: 'done' };

const CANCELLABLE = new Set(['new', 'validated', 'inventory_reserved', 'ready_to_ship']);

function labelBlocker(s: OrderSnapshot): string | null {
  const { order } = s;
  if (order.orderStatus !== 'AWAITING_SHIPMENT') return `labels are bought once TikTok says AWAITING_SHIPMENT (now ${order.orderStatus})`;
  if (order.onHoldForReview) return `on hold for review${order.holdReason ? `: ${order.holdReason}` : ''}`;
  if (order.skipAutoLabel) return 'an automation rule says to buy this label by hand';
  const recipient = recipientProblems(s);
  if (recipient.length > 0) return recipient.join('; ');
  return null;
}

export function decideNextStep(s: OrderSnapshot): NextStep {
  const { order } = s;
  if (order.orderStatus === 'CANCELLED' && CANCELLABLE.has(order.workflowStatus)) {
    return { kind: 'transition', event: 'cancel', source: 'tiktok_shop', reason: 'TikTok cancelled the order' };
  }
  switch (order.workflowStatus) {
    case 'new': {
      if (!CONDITIONS.payment_confirmed(s).ok) return { kind: 'wait', reason: 'waiting for payment' };
      const problems = orderDataProblems(s);
      if (problems.length > 0) return { kind: 'transition', event: 'reject', source: 'system', reason: problems.join('; ') };
      return { kind: 'transition', event: 'validate', source: 'system', reason: 'paid and complete' };
    }
    case 'validated':
      return { kind: 'transition', event: 'reserve_inventory', source: 'system', reason: order.backordered ? 'retrying a backorder' : 'reserving stock' };
    case 'inventory_reserved': {
      // The seller may have shipped it another way (TikTok shows it shipped without our label).
      if (CONDITIONS.handed_to_carrier(s).ok) return { kind: 'transition', event: 'ship', source: shippedBy(s), reason: 'shipped outside CreatorFlow' };
      if (CONDITIONS.label_bought(s).ok) return { kind: 'transition', event: 'label_purchased', source: 'system', reason: 'label purchased' };
      const blocker = labelBlocker(s);
      return blocker ? { kind: 'wait', reason: blocker } : { kind: 'request_label' };
    }
    case 'ready_to_ship':
      return CONDITIONS.handed_to_carrier(s).ok
        ? { kind: 'transition', event: 'ship', source: shippedBy(s), reason: 'handed to the carrier' }
        : { kind: 'wait', reason: 'waiting for TikTok to accept the tracking number or the first carrier scan' };
    case 'shipped':
      return CONDITIONS.delivery_confirmed(s).ok
        ? { kind: 'transition', event: 'deliver', source: deliveredBy(s), reason: 'delivered' }
        : { kind: 'wait', reason: 'in transit' };
    default:
      return { kind: 'done' };
  }
}

const FINISHED: ReadonlySet<WorkflowStatus> = new Set(['completed', 'cancelled', 'failed']);

/**
 * Whether a TikTok status change can move an order that is in `workflowStatus` (ingestion schedules
 * the workflow only then). A finished order never moves on its own (a failed one waits for a person);
 * a shipped one moves only when TikTok reports it delivered. Every other state is looked at: what
 * happens there depends on more than the status (stock, the label, a hold).
 */
export function tiktokChangeMayMove(workflowStatus: WorkflowStatus, orderStatus: TikTokOrderStatus): boolean {
  if (FINISHED.has(workflowStatus)) return false;
  if (workflowStatus === 'shipped') return deliveredOnTikTok(orderStatus);
  return true;
}
