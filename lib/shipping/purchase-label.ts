import 'server-only';
import { sql } from 'drizzle-orm';
import { anyOf, systemDb } from '@/lib/db';
import type { PurchaseOutcome, RateQuote } from '@/lib/shipping/carriers';
import type { CarrierGateway } from './gateway';
import { recordFailed, recordPurchased, recordUnknown } from './record-purchase-outcome';
import { loadOpenAttempt, type OpenAttempt, type ShipmentRow } from './shipment-records';

/** What a purchase step left behind, for the caller's loop. */
export type PurchaseStep = 'purchased' | 'requote' | 'retry_later' | 'failed' | 'unknown' | 'abandoned';

export class OutcomeStillUnknown extends Error {
  constructor(reason: string) {
    super(`label purchase outcome still unknown: ${reason}`);
    this.name = 'OutcomeStillUnknown';
  }
}

/**
 * Commits the attempt row BEFORE the carrier is called (state `purchasing`, with the full quote),
 * together with a re-check that the order still wants this label. If the process dies after this
 * commit, the open attempt is what the next run finds and looks up first. One statement, so atomic
 * and committed on its own (no transaction round trips): the order check gates the shipment's move
 * quoted → purchasing, and the attempt is inserted only for a shipment that moved, so nothing is
 * written when the order no longer wants a label. Returns null then.
 */
async function commitAttempt(shipment: ShipmentRow, quote: RateQuote, requestTimeoutMs: number): Promise<string | null> {
  return (await commitAttempts([{ shipment, quote }], requestTimeoutMs)).get(shipment.id) ?? null;
}

/**
 * commitAttempt for many shipments in one statement (the batch path, buy-labels.ts): returns
 * shipment id → attempt id for those whose order still wants the label; the rest wrote nothing.
 */
export async function commitAttempts(items: readonly { shipment: ShipmentRow; quote: RateQuote }[], requestTimeoutMs: number): Promise<Map<string, string>> {
  if (items.length === 0) return new Map();
  const rows = items.map(({ shipment, quote }) => ({
    shipment_id: shipment.id, order_id: shipment.orderId, account_id: shipment.accountId, rate_id: quote.rateId, quote: { ...quote, requestTimeoutMs },
  }));
  const inserted = await systemDb().execute<{ id: string; shipment_id: string }>(sql`
    with v as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(shipment_id uuid, order_id uuid, account_id uuid, rate_id text, quote jsonb)
    ), keyed as materialized (
      -- The batch's orders found by key alone, then judged. With the states in the same scan,
      -- statistics that expect no order awaiting shipment made a status index the path, read
      -- for every order of the burst.
      select id, account_id, workflow_status, order_status, on_hold_for_review from public.orders
      where ${anyOf(sql`id`, rows.map((row) => row.order_id))}
    ), wanted as (
      select v.shipment_id from v join keyed o on o.id = v.order_id and o.account_id = v.account_id
      where o.workflow_status = 'inventory_reserved' and o.order_status = 'AWAITING_SHIPMENT' and not o.on_hold_for_review
    ), moved as (
      update public.shipments s set status = 'purchasing', updated_at = now()
      from wanted where ${anyOf(sql`s.id`, rows.map((row) => row.shipment_id))} and s.id = wanted.shipment_id and s.status = 'quoted'
      returning s.id
    )
    insert into public.label_purchase_attempts (account_id, shipment_id, rate_id, state, quote)
    select v.account_id, v.shipment_id, v.rate_id, 'purchasing', v.quote from v join moved on moved.id = v.shipment_id
    returning id, shipment_id`);
  return new Map(inserted.rows.map((row) => [row.shipment_id, row.id]));
}

/** `via` is kept with the outcome: whether the answer came from the purchase call or a later lookup. */
export async function applyOutcome(shipment: ShipmentRow, attemptId: string, outcome: PurchaseOutcome, via: 'purchase' | 'lookup'): Promise<PurchaseStep> {
  if (outcome.kind === 'purchased') {
    await recordPurchased(shipment, attemptId, outcome, via);
    return 'purchased';
  }
  if (outcome.kind === 'unknown') {
    await recordUnknown(shipment, attemptId, outcome.reason);
    return 'unknown';
  }
  if (outcome.retryWithRequote) {
    await recordFailed(shipment, attemptId, outcome, 'pending');
    return 'requote';
  }
  if (outcome.code === 'rate_limited') {
    await recordFailed(shipment, attemptId, outcome, 'quoted');
    return 'retry_later';
  }
  await recordFailed(shipment, attemptId, outcome, 'failed');
  return 'failed';
}

/** One purchase: attempt committed, one carrier call (never retried here), outcome recorded. */
export async function purchaseLabel(
  shipment: ShipmentRow,
  quote: RateQuote,
  gateway: CarrierGateway,
  requestTimeoutMs: number,
): Promise<{ step: PurchaseStep; refusal?: string }> {
  const attemptId = await commitAttempt(shipment, quote, requestTimeoutMs);
  if (!attemptId) return { step: 'abandoned' };
  const outcome = await gateway.adapter(shipment.carrier).purchase({ rate: quote, reference: shipment.packageRef });
  // The carrier's own words, for the order it leaves failed (the shipment row keeps them too).
  return { step: await applyOutcome(shipment, attemptId, outcome, 'purchase'), ...(outcome.kind === 'failed' ? { refusal: outcome.reason } : {}) };
}

/**
 * Resolves an attempt left `purchasing` (its worker died) or `unknown_outcome` (timeout, 5xx,
 * a response the SDK could not validate) by asking the carrier, never by buying again. A lookup
 * that finds nothing only counts as "never bought" once the attempt is older than `graceMs`, and
 * at least twice the HTTP timeout of the worker that made it (its request may still be committing
 * at the carrier after that worker gave up or died); until then the outcome stays unknown.
 */
export async function resolveOpenAttempt(
  shipment: ShipmentRow,
  gateway: CarrierGateway,
  options: { graceMs: number; now?: () => number },
): Promise<{ step: PurchaseStep | 'none'; refusal?: string }> {
  const attempt: OpenAttempt | null = await loadOpenAttempt(systemDb(), shipment.id);
  if (!attempt) return { step: 'none' };
  const found = await gateway.adapter(attempt.quote.carrier).lookupPurchase({ rate: attempt.quote, reference: shipment.packageRef });
  if (found.kind !== 'not_found') {
    if (found.kind === 'unknown') throw new OutcomeStillUnknown(found.reason);
    // A purchase the carrier refused is the same answer whether it came back on the call or on lookup.
    return { step: await applyOutcome(shipment, attempt.id, found, 'lookup'), ...(found.kind === 'failed' ? { refusal: found.reason } : {}) };
  }
  const age = (options.now?.() ?? Date.now()) - attempt.startedAt.getTime();
  const grace = Math.max(options.graceMs, 2 * (attempt.requestTimeoutMs ?? 0));
  if (age < grace) throw new OutcomeStillUnknown(`the carrier has no purchase for ${shipment.packageRef} yet (attempt ${Math.round(age / 1000)} s old)`);
  await recordFailed(shipment, attempt.id, { kind: 'failed', code: 'rejected', reason: 'the carrier never received this purchase' }, 'quoted');
  return { step: 'requote' };
}
