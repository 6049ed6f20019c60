import { stateOfOutcome, type PurchaseAttemptStore } from './purchase-attempts';
import type { CarrierAdapter, CarrierName, PurchaseOutcome, RateQuote } from './types';

// Buys the label for one package at most once, across retries, crashes and concurrent
// workers. Never calls `purchase` while an earlier call for the same package may still
// produce a label: that case answers `unknown`, and the job retries later.

export interface PurchaseLabelOnceInput {
  adapters: Partial<Record<CarrierName, CarrierAdapter>>;
  store: PurchaseAttemptStore;
  reference: string;
  /** The rate to buy if no earlier attempt already bought one. */
  rate: RateQuote;
  now: Date;
  /**
   * How long after a purchase call started a "nothing found" lookup is trusted. Must exceed
   * the adapter timeout plus the provider's own processing time (minutes, not seconds).
   */
  settleAfterMs: number;
}

function adapterFor(adapters: PurchaseLabelOnceInput['adapters'], carrier: CarrierName): CarrierAdapter {
  const adapter = adapters[carrier];
  if (!adapter) throw new Error(`No carrier adapter configured for ${carrier}`);
  return adapter;
}

export async function purchaseLabelOnce(input: PurchaseLabelOnceInput): Promise<PurchaseOutcome> {
  const { store, reference, now } = input;
  const existing = await store.get(reference);

  if (existing?.state === 'purchased' && existing.outcome?.kind === 'purchased') return existing.outcome;

  if (existing && (existing.state === 'purchasing' || existing.state === 'unknown_outcome')) {
    const found = await adapterFor(input.adapters, existing.carrier).lookupPurchase({
      rate: existing.rate,
      reference,
    });
    if (found.kind === 'purchased') {
      await store.settle(reference, 'purchased', found);
      return found;
    }
    if (found.kind === 'unknown') {
      await store.settle(reference, 'unknown_outcome', found);
      return found;
    }
    if (found.kind === 'not_found' && now.getTime() - existing.startedAt.getTime() < input.settleAfterMs) {
      // The earlier call may still be running at the provider; buying now could double-buy.
      return {
        kind: 'unknown',
        reason: `purchase started ${existing.startedAt.toISOString()} may still complete`,
      };
    }
    if (found.kind === 'failed') await store.settle(reference, 'failed', found);
  }

  const expected = existing ? ((await store.get(reference))?.state ?? null) : null;
  const claimed = await store.claim(
    {
      reference,
      carrier: input.rate.carrier,
      rate: input.rate,
      state: 'purchasing',
      startedAt: now,
      outcome: null,
    },
    expected,
  );
  if (!claimed) return { kind: 'unknown', reason: 'another worker is purchasing this package' };

  const outcome = await adapterFor(input.adapters, input.rate.carrier).purchase({
    rate: input.rate,
    reference,
  });
  await store.settle(reference, stateOfOutcome(outcome), outcome);
  return outcome;
}
