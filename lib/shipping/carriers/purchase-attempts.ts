import type { CarrierName, PurchaseOutcome, RateQuote } from './types';

// Spec §8 purchase state machine, persisted by the caller:
//   (none) -> purchasing -> purchased | failed | unknown_outcome
//   failed -> purchasing (a new try, possibly with a re-quoted rate)
//   purchasing | unknown_outcome -> purchased | failed (resolved by lookup) | purchasing
//     (only once `settleAfterMs` has passed with nothing found: the earlier call is dead)
// One row per package reference. The lead backs this with the purchase-attempt table.

export type PurchaseAttemptState = 'purchasing' | 'purchased' | 'failed' | 'unknown_outcome';

export interface PurchaseAttempt {
  /** Our package reference: at most one live purchase per reference. */
  reference: string;
  carrier: CarrierName;
  rate: RateQuote;
  state: PurchaseAttemptState;
  /** When the latest purchase call started. */
  startedAt: Date;
  outcome: PurchaseOutcome | null;
}

export interface PurchaseAttemptStore {
  get(reference: string): Promise<PurchaseAttempt | null>;
  /**
   * Compare-and-set into `purchasing`: succeeds only if the row's state is still `expected`
   * (null: no row yet). In SQL: INSERT ... ON CONFLICT DO NOTHING, or UPDATE ... WHERE state = $expected.
   */
  claim(attempt: PurchaseAttempt, expected: PurchaseAttemptState | null): Promise<boolean>;
  /** Records what the purchase call (or a lookup) established. */
  settle(
    reference: string,
    state: Exclude<PurchaseAttemptState, 'purchasing'>,
    outcome: PurchaseOutcome,
  ): Promise<void>;
}

export function stateOfOutcome(outcome: PurchaseOutcome): Exclude<PurchaseAttemptState, 'purchasing'> {
  return outcome.kind === 'purchased'
    ? 'purchased'
    : outcome.kind === 'failed'
      ? 'failed'
      : 'unknown_outcome';
}

/** In-memory store: for tests, and the reference behaviour for the Postgres one. */
export function createMemoryPurchaseAttemptStore(): PurchaseAttemptStore & {
  rows: Map<string, PurchaseAttempt>;
} {
  const rows = new Map<string, PurchaseAttempt>();
  return {
    rows,
    async get(reference) {
      const row = rows.get(reference);
      return row ? structuredClone(row) : null;
    },
    async claim(attempt, expected) {
      const current = rows.get(attempt.reference);
      if ((current?.state ?? null) !== expected) return false;
      rows.set(attempt.reference, { ...structuredClone(attempt), state: 'purchasing', outcome: null });
      return true;
    },
    async settle(reference, state, outcome) {
      const current = rows.get(reference);
      if (current) rows.set(reference, { ...current, state, outcome: structuredClone(outcome) });
    },
  };
}
