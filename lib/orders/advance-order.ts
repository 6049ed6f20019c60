import 'server-only';
import { and, eq, ne, or, isNull } from 'drizzle-orm';
import { getLabelAllowance } from '@/lib/billing/label-allowance';
import { asSystem, tables, type Tx } from '@/lib/db';
import { logger } from '@/lib/logger';
import { enqueueMany, QUEUE_PRIORITY } from '@/lib/queue';
import type { JobContext } from '@/lib/queue/define-job';
import { PermanentJobError } from '@/lib/queue/define-job';
import { applyTransitions, holdsSharedRows, type TransitionItem } from './workflow/apply-transition';
import { decideNextStep } from './workflow/decide-next-step';
import { loadOrderSnapshots } from './workflow/load-order-snapshot';
import type { OrderSnapshot } from './workflow/snapshot';

export type AdvanceOrderInput = { accountId: string; orderId: string; reason?: string };

/** Enough for the longest automatic run (new → validated → inventory_reserved → ready_to_ship …). */
const MAX_STEPS = 10;

const LABELS_PAUSED = 'Automatic labels are paused: the plan allowance for this period is used up';

/** Keeps orders.last_error in step with a wait that needs a person (not written when unchanged). */
async function noteBlocked(tx: Tx, snapshot: OrderSnapshot, message: string | null): Promise<void> {
  const { orders } = tables;
  await tx
    .update(orders)
    .set({ lastError: message })
    .where(and(eq(orders.id, snapshot.order.id), eq(orders.accountId, snapshot.order.accountId), message === null ? eq(orders.lastError, LABELS_PAUSED) : or(isNull(orders.lastError), ne(orders.lastError, message))));
}

/** Orders that may get a label now: one allowance check per account, one insert of buy-label jobs. */
async function requestLabels(tx: Tx, snapshots: readonly OrderSnapshot[]): Promise<void> {
  const byAccount = new Map<string, OrderSnapshot[]>();
  for (const snapshot of snapshots) byAccount.set(snapshot.order.accountId, [...(byAccount.get(snapshot.order.accountId) ?? []), snapshot]);
  const jobs: { data: { accountId: string; orderId: string }; priority: number }[] = [];
  for (const [accountId, group] of byAccount) {
    const allowance = await getLabelAllowance(tx, accountId);
    for (const snapshot of group) {
      if (allowance.labelsPaused) await noteBlocked(tx, snapshot, LABELS_PAUSED);
      else {
        if (snapshot.order.lastError === LABELS_PAUSED) await noteBlocked(tx, snapshot, null);
        jobs.push({ data: { accountId, orderId: snapshot.order.id }, priority: QUEUE_PRIORITY[snapshot.order.processingQueue] });
      }
    }
  }
  await enqueueMany('shipping.buy-label', jobs, { tx });
}

/**
 * One step for every order of the batch. Returns the orders that moved (to be looked at again), and
 * whether the step locked rows shared by many orders (then the engine commits before going on).
 */
async function step(tx: Tx, snapshots: readonly OrderSnapshot[]): Promise<{ moved: OrderSnapshot[]; sharedRowsHeld: boolean }> {
  const transitions: TransitionItem[] = [];
  const labelRequests: OrderSnapshot[] = [];
  for (const snapshot of snapshots) {
    const next = decideNextStep(snapshot);
    if (next.kind === 'transition') transitions.push({ snapshot, request: { event: next.event, source: next.source, reason: next.reason } });
    else if (next.kind === 'request_label') labelRequests.push(snapshot);
  }
  if (labelRequests.length > 0) await requestLabels(tx, labelRequests);

  const results = await applyTransitions(tx, transitions);
  const moved: OrderSnapshot[] = [];
  const backorders: TransitionItem[] = [];
  results.forEach((result, index) => {
    const { snapshot, request } = transitions[index]!;
    if (result.kind === 'applied' || result.kind === 'conflict') moved.push(snapshot);
    // Short stock: the order stays validated, flagged backordered, and waits for a stock-in.
    else if (result.kind === 'vetoed') backorders.push({ snapshot, request: { event: 'backorder', source: 'system', reason: result.veto.message, details: result.veto.details } });
    else logger.warn({ orderId: snapshot.order.id, event: request.event, reason: result.reason }, 'workflow step not allowed');
  });
  if (backorders.length > 0) await applyTransitions(tx, backorders);
  return { moved, sharedRowsHeld: transitions.some((item) => holdsSharedRows(item.request.event)) };
}

const refOf = (snapshot: OrderSnapshot) => ({ accountId: snapshot.order.accountId, orderId: snapshot.order.id });

type OrderRef = { accountId: string; orderId: string };

/**
 * The workflow engine (job `orders.advance-order`): takes each order as far as it can go right now
 * and stops where it has to wait for the outside world (payment, TikTok's hold, stock, a person,
 * the carrier). A batch of orders moves together: each step looks at every order, applies each
 * event to all orders that need it at once (applyTransitions), and reads back the ones that moved.
 * The steps share one transaction, except that a step which locks rows shared by many orders (a
 * viral SKU's stock row, its velocity bucket) is committed at once: otherwise every other batch of
 * that product would wait on those rows while this one takes its next steps. Enqueued by TikTok
 * ingestion whenever an order appears or changes, by carrier tracking, by stock-ins and by people.
 * Idempotent: every transition is a conditional update, so a duplicate or concurrent run, or a retry
 * after a crash between two commits, moves nothing twice.
 */
export async function advanceOrders(inputs: readonly AdvanceOrderInput[]): Promise<void> {
  let refs: OrderRef[] = [...new Map(inputs.map((input) => [input.orderId, { accountId: input.accountId, orderId: input.orderId }])).values()];
  let steps = 0;
  let first = true;
  while (refs.length > 0 && steps < MAX_STEPS) {
    const current = refs;
    refs = await asSystem(async (tx) => {
      let snapshots = await loadOrderSnapshots(tx, current);
      if (first) assertAllFound(current, snapshots);
      first = false;
      while (snapshots.length > 0 && steps < MAX_STEPS) {
        const { moved, sharedRowsHeld } = await step(tx, snapshots);
        steps += 1;
        if (sharedRowsHeld) return moved.map(refOf);
        snapshots = moved.length > 0 ? await loadOrderSnapshots(tx, moved.map(refOf)) : [];
      }
      return snapshots.map(refOf);
    });
  }
  if (refs.length > 0) logger.warn({ orderIds: refs.map((ref) => ref.orderId), steps: MAX_STEPS }, 'advance-order stopped after the step limit; it will be picked up again');
}

function assertAllFound(refs: readonly OrderRef[], snapshots: readonly OrderSnapshot[]): void {
  if (snapshots.length === refs.length) return;
  const found = new Set(snapshots.map((snapshot) => snapshot.order.id));
  const missing = refs.filter((ref) => !found.has(ref.orderId)).map((ref) => `${ref.orderId} (account ${ref.accountId})`);
  throw new PermanentJobError(`order${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not found`);
}

export async function advanceOrder(input: AdvanceOrderInput, _context?: JobContext): Promise<void> {
  await advanceOrders([input]);
}
