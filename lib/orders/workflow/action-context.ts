import type { Tx } from '@/lib/db';
import type { StatusSource } from '@/lib/db/schema/orders';
import type { orders } from '@/lib/db/schema/orders';
import type { OrderRow, OrderSnapshot } from './snapshot';
import type { TransitionDef } from './transitions';

/** Columns a transition may write together with the status (besides its own flags and timestamps). */
export type OrderPatch = Partial<
  Pick<
    typeof orders.$inferInsert,
    | 'priority' | 'impactScore' | 'estimatedVelocity' | 'processingQueue' | 'serviceLevel' | 'onHoldForReview'
    | 'holdReason' | 'tags' | 'skipAutoLabel' | 'lastError' | 'trackingNumber' | 'shippingProvider' | 'trackingPushedAt'
  >
>;

export type ActionContext = {
  tx: Tx;
  /** The order as it was when the transition was decided. */
  snapshot: OrderSnapshot;
  /** The order row right after the status update (set before `run` actions). */
  order: OrderRow;
  def: TransitionDef;
  source: StatusSource;
  actorId: string | null;
  reason: string;
  /**
   * What actions did. What `prepare` adds lands in the history row's metadata (written before
   * `run`); what `run` adds is returned to the caller (TransitionResult.details).
   */
  details: Record<string, unknown>;
  /** Columns gathered by `prepare` so far (later actions see earlier ones' results). */
  patch: OrderPatch;
  now: Date;
  /** A person may ask for no buyer email (mark shipped by hand); automatic moves always notify. */
  notifyCustomer: boolean;
  /** Whether a manual ship also pushes the tracking number to TikTok. */
  syncToTiktok: boolean;
};

/**
 * An action works on every order a transition moves at once (the workflow engine takes a batch of
 * orders through the same event in one transaction), in up to three phases, each given all of
 * them:
 * - `claim` (only in transitions marked mayVeto) runs before the status changes, with the orders
 *   locked, and may refuse an order (stock is short): that order is left exactly as it was;
 * - `prepare` reads and returns, per order, columns to write with the status change (one UPDATE
 *   for the whole batch);
 * - `run` does the rest after the rows are moved, in the same transaction (alerts, jobs, emails).
 * Set-based where it pays (one velocity read for a batch of one viral product), a plain loop where
 * orders are few (`eachOrder`).
 */
export type ActionImpl = {
  claim?: (ctxs: readonly ActionContext[]) => Promise<(TransitionVeto | null)[]>;
  prepare?: (ctxs: readonly ActionContext[]) => Promise<(OrderPatch | void)[]>;
  run?: (ctxs: readonly ActionContext[]) => Promise<void>;
  /**
   * The action writes a row many orders share (a viral SKU's stock row, its product's velocity
   * bucket). Its lock is held until commit and every other order of that product waits for it, so
   * applyTransitions runs these after every other action (last statements before COMMIT), and the
   * workflow engine commits right after such a transition (holdsSharedRows).
   */
  locksSharedRows?: true;
};

/** A `run` phase that handles its orders one after another (for actions that touch few orders). */
export const eachOrder =
  (fn: (ctx: ActionContext) => Promise<void>) =>
  async (ctxs: readonly ActionContext[]): Promise<void> => {
    for (const ctx of ctxs) await fn(ctx);
  };

export class TransitionVeto extends Error {
  constructor(
    readonly code: 'stock_short',
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'TransitionVeto';
  }
}
