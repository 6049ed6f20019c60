import 'server-only';
import { and, eq } from 'drizzle-orm';
import { can } from '@/lib/accounts/permissions';
import { asSystem, tables, withRls, type JwtClaims } from '@/lib/db';
import type { MemberRole } from '@/lib/db/schema/accounts';
import { AppError } from '@/lib/errors';
import { enqueue, QUEUE_PRIORITY } from '@/lib/queue';
import { MANUAL_ACTION_EVENT, type ChangeOrderStatusInput, type ManualTarget } from './schemas';
import { applyTransition } from './workflow/apply-transition';
import { loadOrderSnapshot } from './workflow/load-order-snapshot';
import type { OrderRow } from './workflow/snapshot';
import { TRANSITIONS, type WorkflowEvent } from './workflow/transitions';

export type OrderStatusContext = { accountId: string; userId: string; role: MemberRole; claims: JwtClaims };

/** The order fields a status change answers with (seed 004's `order`). */
export type OrderSummary = {
  id: string; tiktok_order_id: string; order_status: string; workflow_status: string; priority: string;
  processing_queue: string; backordered: boolean; on_hold_for_review: boolean; hold_reason: string | null;
  tracking_number: string | null; last_error: string | null; updated_at: string;
};

export function toOrderSummary(order: OrderRow): OrderSummary {
  return {
    id: order.id, tiktok_order_id: order.tiktokOrderId, order_status: order.orderStatus, workflow_status: order.workflowStatus,
    priority: order.priority, processing_queue: order.processingQueue, backordered: order.backordered,
    on_hold_for_review: order.onHoldForReview, hold_reason: order.holdReason, tracking_number: order.trackingNumber,
    last_error: order.lastError, updated_at: order.updatedAt.toISOString(),
  };
}

const DEFAULT_REASON: Partial<Record<WorkflowEvent, string>> = {
  hold: 'held for review', release: 'released from review', cancel: 'cancelled by a team member', retry: 'retried by a team member',
  mark_shipped: 'marked shipped by a team member', reserve_inventory: 'stock reservation requested by a team member',
};

/** The user event that leads from `current` to the requested status or is the requested action. */
export function manualEventFor(target: ManualTarget, current: OrderRow['workflowStatus']): { ok: true; event: WorkflowEvent } | { ok: false; message: string } {
  if (target.kind === 'action') return { ok: true, event: MANUAL_ACTION_EVENT[target.action] };
  const def = Object.values(TRANSITIONS).find((candidate) => candidate.to === target.status && candidate.sources.includes('user') && candidate.from.includes(current));
  return def ? { ok: true, event: def.event } : { ok: false, message: `An order that is ${current} cannot be moved to ${target.status} by hand` };
}

/**
 * A manual transition (hold, release, cancel, retry a failed order, mark shipped) through the same
 * transition table as the automatic ones, with source `user` and the person as actor. The order must
 * be visible to the user under RLS (another account's order is not found); the transition itself
 * runs on the system path, filtered by account, because its actions enqueue jobs and raise alerts
 * in the same transaction. A refused or raced change is a 409 that says why.
 */
export async function changeOrderStatus(
  context: OrderStatusContext,
  orderId: string,
  input: ChangeOrderStatusInput,
): Promise<{ order: OrderSummary; workflowTriggered?: string }> {
  if (!can(context.role, 'orders:update')) throw new AppError('FORBIDDEN', `Your role (${context.role}) cannot change orders`);
  const visible = await withRls(context.claims, (tx) =>
    tx.select({ id: tables.orders.id }).from(tables.orders).where(and(eq(tables.orders.id, orderId), eq(tables.orders.accountId, context.accountId))),
  );
  if (visible.length === 0) throw new AppError('NOT_FOUND', 'Order not found');

  return asSystem(async (tx) => {
    const snapshot = await loadOrderSnapshot(tx, { accountId: context.accountId, orderId });
    if (!snapshot) throw new AppError('NOT_FOUND', 'Order not found');
    const resolved = manualEventFor(input.target, snapshot.order.workflowStatus);
    if (!resolved.ok) throw new AppError('CONFLICT', resolved.message);
    const def = TRANSITIONS[resolved.event];
    const result = await applyTransition(tx, snapshot, {
      event: def.event, source: 'user', actorId: context.userId, reason: input.reason ?? DEFAULT_REASON[def.event] ?? 'changed by a team member',
      notifyCustomer: input.notifyCustomer, syncToTiktok: input.syncToTiktok,
    });
    if (result.kind === 'not_allowed') throw new AppError('CONFLICT', `Cannot ${def.event.replace('_', ' ')} this order: ${result.reason}`);
    if (result.kind === 'conflict') throw new AppError('CONFLICT', 'The order changed while you were acting on it; reload and try again');
    if (result.kind === 'vetoed') throw new AppError('CONFLICT', `Cannot reserve stock: ${result.veto.message}`);
    if (def.event === 'reserve_inventory') {
      await enqueue('orders.advance-order', { accountId: context.accountId, orderId, reason: 'reserved by hand' }, { tx, priority: QUEUE_PRIORITY[result.order.processingQueue] });
    }
    const workflowTriggered =
      def.event === 'release' || def.event === 'retry' || def.event === 'reserve_inventory'
        ? 'orders.advance-order'
        : result.details.voidLabel
          ? 'shipping.void-label'
          : result.details.trackingPush
            ? 'tiktok.push-tracking'
            : undefined;
    return { order: toOrderSummary(result.order), ...(workflowTriggered ? { workflowTriggered } : {}) };
  });
}
