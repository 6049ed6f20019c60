import 'server-only';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { tables, type Tx } from '@/lib/db';
import type { StatusSource, WorkflowStatus } from '@/lib/db/schema/orders';
import { TransitionVeto, type ActionContext, type OrderPatch } from './action-context';
import { ACTIONS } from './actions';
import { checkConditions } from './conditions';
import type { OrderRow, OrderSnapshot } from './snapshot';
import { TRANSITIONS, type ActionName, type WorkflowEvent } from './transitions';

export type TransitionRequest = {
  event: WorkflowEvent;
  source: StatusSource;
  reason: string;
  actorId?: string | null;
  /** Extra facts for the history row (e.g. the label that was bought). */
  details?: Record<string, unknown>;
  /** Extra columns to write with the status (e.g. the tracking number). */
  patch?: OrderPatch;
  now?: Date;
  notifyCustomer?: boolean;
  syncToTiktok?: boolean;
};

export type TransitionResult =
  | { kind: 'applied'; order: OrderRow; from: WorkflowStatus; to: WorkflowStatus; details: Record<string, unknown> }
  | { kind: 'not_allowed'; reason: string }
  /** Another worker or person moved the order first; nothing was written. */
  | { kind: 'conflict' }
  | { kind: 'vetoed'; veto: TransitionVeto };

const { orders } = tables;

function timestampsFor(to: WorkflowStatus, from: WorkflowStatus): Record<string, SQL> {
  if (to === from) return {};
  if (to === 'shipped') return { shippedAt: sql`coalesce(${orders.shippedAt}, now())` };
  if (to === 'completed') return { completedAt: sql`now()`, deliveredAt: sql`coalesce(${orders.deliveredAt}, now())` };
  if (to === 'cancelled') return { cancelledAt: sql`coalesce(${orders.cancelledAt}, now())` };
  return {};
}

async function writeHistory(tx: Tx, order: OrderRow, from: WorkflowStatus, request: TransitionRequest, details: Record<string, unknown>) {
  const reason = request.reason.slice(0, 500);
  const metadata = JSON.stringify({ event: request.event, ...details });
  const actorType = request.source;
  await tx.execute(sql`
    with history as (
      insert into public.order_status_history (account_id, order_id, from_workflow_status, to_workflow_status, source, actor_id, reason, metadata)
      values (${order.accountId}, ${order.id}, ${from}, ${order.workflowStatus}, ${request.source}, ${request.actorId ?? null}, ${reason}, ${metadata}::jsonb)
    )
    insert into public.audit_log (account_id, actor_id, actor_type, action, entity_type, entity_id, data)
    values (${order.accountId}, ${request.actorId ?? null}, ${actorType}, ${`order.${request.event}`}, 'order', ${order.id},
      jsonb_build_object('from', ${from}::text, 'to', ${order.workflowStatus}::text, 'reason', ${reason}::text) || ${metadata}::jsonb)`);
}

/**
 * The one writer of orders.workflow_status. Checks the event against the transition table (state,
 * source, conditions on `snapshot`), then moves the order with a conditional update
 * (`where workflow_status = <from>` and the event's flag guards): of two workers applying the same
 * event, one moves the order and runs the actions, the other gets `conflict` and writes nothing.
 * History (with its source) and audit rows go in the same transaction.
 */
export async function applyTransition(tx: Tx, snapshot: OrderSnapshot, request: TransitionRequest): Promise<TransitionResult> {
  const def = TRANSITIONS[request.event];
  const from = snapshot.order.workflowStatus;
  if (!def.from.includes(from)) return { kind: 'not_allowed', reason: `cannot ${request.event} an order that is ${from}` };
  if (!def.sources.includes(request.source)) return { kind: 'not_allowed', reason: `${request.source} cannot ${request.event} an order` };
  const condition = checkConditions(def.conditions, snapshot);
  if (!condition.ok) return { kind: 'not_allowed', reason: condition.reason };
  const to = def.to === 'unchanged' ? from : def.to;

  const move = async (t: Tx): Promise<TransitionResult> => {
    const ctx: ActionContext = {
      tx: t, snapshot, order: snapshot.order, def, source: request.source, actorId: request.actorId ?? null, reason: request.reason,
      details: { ...request.details }, patch: { ...request.patch }, now: request.now ?? new Date(),
      notifyCustomer: request.notifyCustomer ?? true, syncToTiktok: request.syncToTiktok ?? true,
    };
    for (const name of def.actions) Object.assign(ctx.patch, (await ACTIONS[name].prepare?.(ctx)) ?? {});
    const guards = Object.entries(def.guard ?? {}).map(([flag, value]) =>
      eq(flag === 'backordered' ? orders.backordered : orders.onHoldForReview, value as boolean),
    );
    const [moved] = await t
      .update(orders)
      .set({
        ...ctx.patch, ...def.set, ...timestampsFor(to, from), workflowStatus: to, updatedAt: sql`now()`,
        ...(request.event === 'release' ? { holdReason: null } : {}),
        ...(request.event === 'hold' ? { holdReason: request.reason.slice(0, 200) } : {}),
      })
      .where(and(eq(orders.id, snapshot.order.id), eq(orders.accountId, snapshot.order.accountId), eq(orders.workflowStatus, from), ...guards))
      .returning();
    if (!moved) return { kind: 'conflict' };
    ctx.order = moved;
    // History first, then the actions in run order: those that lock rows shared by many orders
    // (a viral SKU's stock, its velocity bucket) last, so their locks are held only until COMMIT.
    await writeHistory(t, moved, from, request, ctx.details);
    for (const name of runOrder(def.actions)) await ACTIONS[name].run?.(ctx);
    return { kind: 'applied', order: moved, from, to, details: ctx.details };
  };

  if (!def.mayVeto) return move(tx);
  // A savepoint that is rolled back on a veto and otherwise left to COMMIT (no RELEASE round
  // trip while the reservation's row lock is held).
  await tx.execute(sql`savepoint transition_veto`);
  try {
    return await move(tx);
  } catch (error) {
    if (!(error instanceof TransitionVeto)) throw error;
    await tx.execute(sql`rollback to savepoint transition_veto`);
    return { kind: 'vetoed', veto: error };
  }
}

/** The transition's actions in the order their `run` phases execute: shared-row lockers last. */
export function runOrder(actions: readonly ActionName[]): ActionName[] {
  return [...actions.filter((name) => !ACTIONS[name].locksSharedRows), ...actions.filter((name) => ACTIONS[name].locksSharedRows)];
}
