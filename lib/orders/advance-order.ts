import 'server-only';
import { and, eq, ne, or, isNull } from 'drizzle-orm';
import { getLabelAllowance } from '@/lib/billing/label-allowance';
import { asSystem, tables, type Tx } from '@/lib/db';
import { logger } from '@/lib/logger';
import { enqueue, QUEUE_PRIORITY } from '@/lib/queue';
import type { JobContext } from '@/lib/queue/define-job';
import { PermanentJobError } from '@/lib/queue/define-job';
import { applyTransition } from './workflow/apply-transition';
import { decideNextStep } from './workflow/decide-next-step';
import { loadOrderSnapshot } from './workflow/load-order-snapshot';
import type { OrderSnapshot } from './workflow/snapshot';

export type AdvanceOrderInput = { accountId: string; orderId: string; reason?: string };

/** Enough for the longest automatic run (new → validated → inventory_reserved → ready_to_ship …). */
const MAX_STEPS = 10;

type StepOutcome = 'moved' | 'stopped';

const LABELS_PAUSED = 'Automatic labels are paused: the plan allowance for this period is used up';

/** Keeps orders.last_error in step with a wait that needs a person (not written when unchanged). */
async function noteBlocked(tx: Tx, snapshot: OrderSnapshot, message: string | null): Promise<void> {
  const { orders } = tables;
  await tx
    .update(orders)
    .set({ lastError: message })
    .where(and(eq(orders.id, snapshot.order.id), message === null ? eq(orders.lastError, LABELS_PAUSED) : or(isNull(orders.lastError), ne(orders.lastError, message))));
}

async function step(tx: Tx, input: AdvanceOrderInput): Promise<StepOutcome> {
  const snapshot = await loadOrderSnapshot(tx, input);
  if (!snapshot) throw new PermanentJobError(`order ${input.orderId} does not exist in account ${input.accountId}`);
  const next = decideNextStep(snapshot);
  const priority = QUEUE_PRIORITY[snapshot.order.processingQueue];

  if (next.kind === 'done' || next.kind === 'wait') return 'stopped';
  if (next.kind === 'request_label') {
    const allowance = await getLabelAllowance(tx, input.accountId);
    if (allowance.labelsPaused) {
      await noteBlocked(tx, snapshot, LABELS_PAUSED);
      return 'stopped';
    }
    if (snapshot.order.lastError === LABELS_PAUSED) await noteBlocked(tx, snapshot, null);
    await enqueue('shipping.buy-label', { accountId: input.accountId, orderId: input.orderId }, { tx, priority });
    return 'stopped';
  }

  const result = await applyTransition(tx, snapshot, { event: next.event, source: next.source, reason: next.reason });
  if (result.kind === 'applied' || result.kind === 'conflict') return 'moved';
  if (result.kind === 'vetoed') {
    // Short stock: the order stays validated, flagged backordered, and waits for a stock-in.
    await applyTransition(tx, snapshot, { event: 'backorder', source: 'system', reason: result.veto.message, details: result.veto.details });
    return 'stopped';
  }
  logger.warn({ orderId: input.orderId, event: next.event, reason: result.reason }, 'workflow step not allowed');
  return 'stopped';
}

/**
 * The workflow engine (job `orders.advance-order`): takes one order as far as it can go right
 * now, one transition per transaction, and stops when it has to wait for the outside world
 * (payment, TikTok's hold, stock, a person, the carrier). Enqueued by TikTok ingestion whenever an
 * order appears or changes, by carrier tracking, by stock-ins and by people. Idempotent: every
 * transition is a conditional update, so a duplicate or concurrent run moves nothing twice.
 */
export async function advanceOrder(input: AdvanceOrderInput, _context?: JobContext): Promise<void> {
  for (let steps = 0; steps < MAX_STEPS; steps += 1) {
    if ((await asSystem((tx) => step(tx, input))) === 'stopped') return;
  }
  logger.warn({ orderId: input.orderId, steps: MAX_STEPS }, 'advance-order stopped after the step limit; it will be picked up again');
}
