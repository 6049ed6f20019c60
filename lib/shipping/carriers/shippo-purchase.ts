import type { Shippo } from 'shippo';
import type { Transaction } from 'shippo/models/components';
import { pollUntil, type PollOptions } from './poll';
import { outcomeFromTransaction } from './shippo-map';
import { purchaseOutcomeFromError } from './shippo-errors';
import type { LookupOutcome, PurchaseOutcome, PurchaseRequest } from './types';

// Buying a Shippo label without ever buying it twice. Shippo has no idempotency key on
// POST /transactions, so: one call with async:false and our reference in `metadata`;
// QUEUED/WAITING is polled to a deadline; anything ambiguous is `unknown`, resolved later
// by lookupPurchase (GET /transactions?rate=<id>, matched on metadata).

const RATE_LIFETIME_MS = 7 * 86_400_000;
const pending = (tx: Transaction) => tx.status === 'QUEUED' || tx.status === 'WAITING';

export async function purchaseShippoLabel(
  client: Shippo,
  request: PurchaseRequest,
  poll: PollOptions,
): Promise<PurchaseOutcome> {
  const { rate, reference } = request;
  if (Date.now() - rate.quotedAt.getTime() > RATE_LIFETIME_MS) {
    return {
      kind: 'failed',
      code: 'rate_expired',
      reason: 'Shippo only sells rates younger than 7 days',
      retryWithRequote: true,
    };
  }
  let tx: Transaction;
  try {
    tx = await client.transactions.create({
      rate: rate.rateId,
      async: false,
      metadata: reference,
      labelFileType: 'PDF_4x6',
    });
  } catch (error) {
    return purchaseOutcomeFromError(error);
  }
  if (pending(tx) && tx.objectId) {
    const id = tx.objectId;
    try {
      const polled = await pollUntil(
        () => client.transactions.get(id),
        (value) => !pending(value),
        poll,
      );
      tx = polled.value;
    } catch (error) {
      // The transaction exists; we just could not read it back. Still unknown, never failed.
      return {
        kind: 'unknown',
        reason: `transaction ${id} was ${tx.status} and polling failed: ${(error as Error).message}`,
      };
    }
  }
  return outcomeFromTransaction(tx, rate);
}

export async function lookupShippoPurchase(client: Shippo, request: PurchaseRequest): Promise<LookupOutcome> {
  const { rate, reference } = request;
  const ours: Transaction[] = [];
  try {
    for (let page = 1; page <= 20; page += 1) {
      const list = await client.transactions.list({ rate: rate.rateId, page, results: 100 });
      ours.push(...(list.results ?? []).filter((tx) => tx.metadata === reference));
      if (!list.next) break;
    }
  } catch (error) {
    return { kind: 'unknown', reason: `lookup failed: ${(error as Error).message}` };
  }
  if (ours.length === 0) return { kind: 'not_found' };
  // Prefer a label that exists, then one still being made, then a refunded one; a purchase
  // that ended in ERROR only counts when nothing else does.
  const live = ours.find((tx) => tx.status === 'SUCCESS' || tx.status === 'REFUNDREJECTED');
  if (live) return outcomeFromTransaction({ ...live, status: 'SUCCESS' }, rate);
  const inFlight = ours.find(pending);
  if (inFlight)
    return { kind: 'unknown', reason: `transaction ${inFlight.objectId ?? '?'} is still ${inFlight.status}` };
  const refunded = ours.find((tx) => tx.status === 'REFUNDED' || tx.status === 'REFUNDPENDING');
  if (refunded)
    return {
      kind: 'failed',
      code: 'rejected',
      reason: `label ${refunded.objectId ?? '?'} was bought and then refunded`,
    };
  return outcomeFromTransaction(ours[0]!, rate);
}
