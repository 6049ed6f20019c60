import 'server-only';
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import { anyOf, rowFromDriver, tables, type Tx } from '@/lib/db';
import type { StatusSource, WorkflowStatus } from '@/lib/db/schema/orders';
import type { ActionContext, OrderPatch, TransitionVeto } from './action-context';
import { ACTIONS } from './actions';
import { checkConditions } from './conditions';
import type { OrderRow, OrderSnapshot } from './snapshot';
import { TRANSITIONS, type ActionName, type OrderFlags, type TransitionDef, type WorkflowEvent } from './transitions';

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

export type TransitionItem = { snapshot: OrderSnapshot; request: TransitionRequest };

const { orders } = tables;
const ORDER_COLUMNS = getTableColumns(orders);
/** An order flag's column (guards and sets name them by their property, as OrderFlags does). */
const flagColumn = (flag: string) => sql.identifier(ORDER_COLUMNS[flag as keyof OrderFlags].name);

/** One order of a batch on its way through an event. */
type Moving = { index: number; from: WorkflowStatus; to: WorkflowStatus; ctx: ActionContext };

/**
 * The one writer of orders.workflow_status, for one order (applyTransition) or a batch
 * (applyTransitions; the workflow engine moves a batch of orders through each event together).
 * Checks each request against the transition table (state, source, conditions on its snapshot),
 * then moves the orders with one conditional update (`where workflow_status = <from>` and the
 * event's flag guards): of two workers applying the same event to an order, one moves it and runs
 * the actions, the other gets `conflict` and writes nothing for it. History (with its source) and
 * audit rows go in the same transaction, one statement for the batch.
 *
 * An event that may be refused (mayVeto: a reservation) first locks its orders, still in their
 * `from` state, and runs the refusing action (`claim`); a refused order keeps its row untouched.
 */
export async function applyTransitions(tx: Tx, items: readonly TransitionItem[]): Promise<TransitionResult[]> {
  const results: TransitionResult[] = new Array(items.length);
  const byEvent = new Map<WorkflowEvent, number[]>();
  items.forEach((item, index) => byEvent.set(item.request.event, [...(byEvent.get(item.request.event) ?? []), index]));
  for (const [event, indexes] of byEvent) {
    const applied = await applyEvent(tx, TRANSITIONS[event], indexes.map((index) => items[index]!));
    indexes.forEach((index, position) => (results[index] = applied[position]!));
  }
  return results;
}

export async function applyTransition(tx: Tx, snapshot: OrderSnapshot, request: TransitionRequest): Promise<TransitionResult> {
  const [result] = await applyTransitions(tx, [{ snapshot, request }]);
  return result!;
}

async function applyEvent(tx: Tx, def: TransitionDef, items: readonly TransitionItem[]): Promise<TransitionResult[]> {
  const results: TransitionResult[] = new Array(items.length);
  let moving: Moving[] = [];
  items.forEach(({ snapshot, request }, index) => {
    const from = snapshot.order.workflowStatus;
    if (!def.from.includes(from)) return void (results[index] = { kind: 'not_allowed', reason: `cannot ${request.event} an order that is ${from}` });
    if (!def.sources.includes(request.source)) return void (results[index] = { kind: 'not_allowed', reason: `${request.source} cannot ${request.event} an order` });
    const condition = checkConditions(def.conditions, snapshot);
    if (!condition.ok) return void (results[index] = { kind: 'not_allowed', reason: condition.reason });
    const patch: OrderPatch = { ...request.patch };
    if (request.event === 'hold') patch.holdReason = request.reason.slice(0, 200);
    if (request.event === 'release') patch.holdReason = null;
    moving.push({
      index, from, to: def.to === 'unchanged' ? from : def.to,
      ctx: {
        tx, snapshot, order: snapshot.order, def, source: request.source, actorId: request.actorId ?? null, reason: request.reason,
        details: { ...request.details }, patch, now: request.now ?? new Date(),
        notifyCustomer: request.notifyCustomer ?? true, syncToTiktok: request.syncToTiktok ?? true,
      },
    });
  });

  if (def.mayVeto && moving.length > 0) {
    const locked = await lockInState(tx, def, moving);
    for (const m of moving) if (!locked.has(m.ctx.order.id)) results[m.index] = { kind: 'conflict' };
    moving = moving.filter((m) => locked.has(m.ctx.order.id));
    for (const name of def.actions) {
      const claim = ACTIONS[name].claim;
      if (!claim || moving.length === 0) continue;
      const vetoes = await claim(moving.map((m) => m.ctx));
      moving.forEach((m, position) => {
        const veto = vetoes[position];
        if (veto) results[m.index] = { kind: 'vetoed', veto };
      });
      moving = moving.filter((_, position) => !vetoes[position]);
    }
  }
  if (moving.length === 0) return results;

  for (const name of def.actions) {
    const patches = (await ACTIONS[name].prepare?.(moving.map((m) => m.ctx))) ?? [];
    moving.forEach((m, position) => Object.assign(m.ctx.patch, patches[position] ?? {}));
  }
  const moved = await moveOrders(tx, def, moving);
  for (const m of moving) {
    const row = moved.get(m.ctx.order.id);
    if (row) m.ctx.order = row;
    else results[m.index] = { kind: 'conflict' };
  }
  moving = moving.filter((m) => moved.has(m.ctx.order.id));
  if (moving.length === 0) return results;

  // History first, then the actions in run order: those that lock rows shared by many orders
  // (a viral product's velocity bucket) last, so their locks are held only until COMMIT.
  await writeHistory(tx, moving);
  for (const name of runOrder(def.actions)) await ACTIONS[name].run?.(moving.map((m) => m.ctx));
  for (const m of moving) results[m.index] = { kind: 'applied', order: m.ctx.order, from: m.from, to: m.to, details: m.ctx.details };
  return results;
}

const guardSql = (def: TransitionDef): SQL[] =>
  Object.entries(def.guard ?? {}).map(([flag, value]) => sql`and o.${flagColumn(flag)} = ${value}`);

const keysOf = (moving: readonly Moving[]) =>
  JSON.stringify(moving.map((m) => ({ id: m.ctx.order.id, account_id: m.ctx.order.accountId, from_status: m.from, to_status: m.to })));

/** Locks the orders that are still in the state they were decided in (in id order); returns their ids. */
async function lockInState(tx: Tx, def: TransitionDef, moving: readonly Moving[]): Promise<Set<string>> {
  const { rows } = await tx.execute<{ id: string }>(sql`
    select o.id from public.orders o
    join jsonb_to_recordset(${keysOf(moving)}::jsonb) as v(id uuid, account_id uuid, from_status text) on o.id = v.id and o.account_id = v.account_id
    where ${anyOf(sql`o.id`, moving.map((m) => m.ctx.order.id))} and o.workflow_status = v.from_status ${sql.join(guardSql(def), sql` `)}
    order by o.id
    for update of o`);
  return new Set(rows.map((row) => row.id));
}

/** Columns set together with the status by the event itself (flags, timestamps). */
function eventColumns(def: TransitionDef): SQL[] {
  const set: SQL[] = Object.entries(def.set ?? {}).map(([flag, value]) => sql`${flagColumn(flag)} = ${value}`);
  if (def.to === 'shipped') set.push(sql`shipped_at = coalesce(o.shipped_at, now())`);
  if (def.to === 'completed') set.push(sql`completed_at = now()`, sql`delivered_at = coalesce(o.delivered_at, now())`);
  if (def.to === 'cancelled') set.push(sql`cancelled_at = coalesce(o.cancelled_at, now())`);
  return set;
}

const patchValue = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

/**
 * One UPDATE for the batch. Each order's own columns (priority, tags, tracking number, …) travel as
 * a JSON object keyed by column name and are cast to the column types by jsonb_populate_record; a
 * column one order sets and another does not keeps the latter's value. Returns the moved rows.
 */
async function moveOrders(tx: Tx, def: TransitionDef, moving: readonly Moving[]): Promise<Map<string, OrderRow>> {
  // The event's own flags win over a patch that names the same column (as they always have).
  const patchKeys = [...new Set(moving.flatMap((m) => Object.keys(m.ctx.patch)))].filter((key) => !(key in (def.set ?? {}))) as (keyof OrderPatch)[];
  const columnName = (key: keyof OrderPatch) => ORDER_COLUMNS[key].name;
  const values = moving.map((m) => ({
    id: m.ctx.order.id, account_id: m.ctx.order.accountId, from_status: m.from, to_status: m.to,
    patch: Object.fromEntries(Object.entries(m.ctx.patch).filter(([key]) => patchKeys.includes(key as keyof OrderPatch)).map(([key, value]) => [columnName(key as keyof OrderPatch), patchValue(value)])),
  }));
  const patched = patchKeys.map((key) => {
    const column = sql.identifier(columnName(key));
    return sql`${column} = case when v.patch ? ${columnName(key)} then p.${column} else o.${column} end`;
  });
  const { rows } = await tx.execute<Record<string, unknown>>(sql`
    update public.orders o set
      ${sql.join([sql`workflow_status = v.to_status`, sql`updated_at = now()`, ...eventColumns(def), ...patched], sql`, `)}
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(id uuid, account_id uuid, from_status text, to_status text, patch jsonb)
      cross join lateral jsonb_populate_record(null::public.orders, v.patch) p
    where ${anyOf(sql`o.id`, values.map((v) => v.id))} and o.id = v.id and o.account_id = v.account_id
      and o.workflow_status = v.from_status ${sql.join(guardSql(def), sql` `)}
    returning o.*`);
  return new Map(rows.map((raw) => {
    const row = rowFromDriver(orders, raw);
    return [row.id, row];
  }));
}

/** order_status_history and audit_log rows for the moved orders, one statement. */
async function writeHistory(tx: Tx, moving: readonly Moving[]): Promise<void> {
  const rows = moving.map((m) => ({
    account_id: m.ctx.order.accountId,
    order_id: m.ctx.order.id,
    from_status: m.from,
    to_status: m.ctx.order.workflowStatus,
    source: m.ctx.source,
    actor_id: m.ctx.actorId,
    action: `order.${m.ctx.def.event}`,
    reason: m.ctx.reason.slice(0, 500),
    metadata: { event: m.ctx.def.event, ...m.ctx.details },
  }));
  await tx.execute(sql`
    with v as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as v(account_id uuid, order_id uuid, from_status text, to_status text, source text, actor_id uuid, action text, reason text, metadata jsonb)
    ),
    history as (
      insert into public.order_status_history (account_id, order_id, from_workflow_status, to_workflow_status, source, actor_id, reason, metadata)
      select account_id, order_id, from_status, to_status, source, actor_id, reason, metadata from v
    )
    insert into public.audit_log (account_id, actor_id, actor_type, action, entity_type, entity_id, data)
    select account_id, actor_id, source, action, 'order', order_id::text,
      jsonb_build_object('from', from_status, 'to', to_status, 'reason', reason) || metadata
    from v`);
}

/** The transition's actions in the order their `run` phases execute: shared-row lockers last. */
export function runOrder(actions: readonly ActionName[]): ActionName[] {
  return [...actions.filter((name) => !ACTIONS[name].locksSharedRows), ...actions.filter((name) => ACTIONS[name].locksSharedRows)];
}

/**
 * The event's actions lock rows many orders share (see ActionImpl.locksSharedRows). Every other
 * order of a viral product queues behind them until this transaction ends, so the workflow engine
 * commits right after such a step instead of carrying the locks through the steps that follow.
 */
export function holdsSharedRows(event: WorkflowEvent): boolean {
  return TRANSITIONS[event].actions.some((name) => ACTIONS[name].locksSharedRows);
}
