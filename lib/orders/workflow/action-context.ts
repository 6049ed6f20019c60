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
    | 'holdReason' | 'tags' | 'skipAutoLabel' | 'lastError' | 'trackingNumber' | 'shippingProvider'
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
 * An action has up to two phases: `prepare` reads and returns columns to write with the status
 * change (one UPDATE for all of them); `run` does the rest after the row is moved, in the same
 * transaction (stock, alerts, jobs, emails). Throwing TransitionVeto from `run` undoes the whole
 * transition (only for transitions marked mayVeto, which run in a savepoint).
 */
export type ActionImpl = {
  prepare?: (ctx: ActionContext) => Promise<OrderPatch | void>;
  run?: (ctx: ActionContext) => Promise<void>;
  /**
   * The action writes a row many orders share (a viral SKU's stock level, its product's velocity
   * bucket). Its lock is held until commit and every other order of that SKU waits for it, so
   * applyTransition runs these after every other action: last statements before COMMIT.
   */
  locksSharedRows?: true;
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
