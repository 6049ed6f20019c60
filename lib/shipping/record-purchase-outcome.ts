import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { anyOf, asSystem, systemDb, type DbOrTx, type Tx } from '@/lib/db';
import { applyTransitions, loadOrderSnapshots, type TransitionItem } from '@/lib/orders';
import { enqueue } from '@/lib/queue';
import type { PurchasedLabel, PurchaseFailed } from '@/lib/shipping/carriers';
import type { ShipmentRow } from './shipment-records';

/**
 * Closes the attempt and updates its shipment (`shipmentSet`: the assignments) in one statement:
 * atomic on its own, and one round trip. `error` keeps the first problem seen (an unknown outcome
 * later resolved as purchased still shows why).
 */
async function finishAttempt(
  db: DbOrTx,
  attempt: { id: string; state: 'purchased' | 'failed' | 'unknown_outcome'; outcome: unknown; error?: string },
  shipmentId: string,
  shipmentSet: SQL,
) {
  await db.execute(sql`
    with attempt as (
      update public.label_purchase_attempts
      set state = ${attempt.state}, outcome = ${JSON.stringify(attempt.outcome)}::jsonb, error = coalesce(${attempt.error ?? null}, error),
        finished_at = ${attempt.state === 'unknown_outcome' ? sql`null` : sql`now()`}
      where id = ${attempt.id}
    )
    update public.shipments set ${shipmentSet}, updated_at = now() where id = ${shipmentId}`);
}

/** A label the carrier sold: its shipment, the open attempt it closes, and how we learned of it. */
export type PurchasedItem = { shipment: ShipmentRow; attemptId: string; label: PurchasedLabel; via?: 'purchase' | 'lookup' };

/**
 * A label exists: the attempt, the shipment and the order move together, in one transaction. The
 * order goes inventory_reserved → ready_to_ship (which enqueues the TikTok tracking push); if it
 * was cancelled while the purchase was in flight, the fresh label is voided instead.
 */
export async function recordPurchased(shipment: ShipmentRow, attemptId: string, label: PurchasedLabel, via: 'purchase' | 'lookup' = 'purchase'): Promise<void> {
  await recordPurchases([{ shipment, attemptId, label, via }]);
}

/**
 * recordPurchased for many labels in one transaction: the attempts and their shipments closed by
 * one statement, the orders moved together (moveOrdersAfterPurchase).
 */
export async function recordPurchases(items: readonly PurchasedItem[]): Promise<void> {
  if (items.length === 0) return;
  const rows = items.map(({ shipment, attemptId, label, via }) => ({
    attempt_id: attemptId, shipment_id: shipment.id, outcome: { ...label, via: via ?? 'purchase' },
    transaction_id: label.transactionId, tracking_number: label.trackingNumber, tracking_url: label.trackingUrl,
    label_url: label.labelUrl, rate_id: label.rateId, provider: label.provider,
  }));
  await asSystem(async (tx) => {
    await tx.execute(sql`
      with v as (
        select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(attempt_id uuid, shipment_id uuid, outcome jsonb,
          transaction_id text, tracking_number text, tracking_url text, label_url text, rate_id text, provider text)
      ),
      attempt as (
        update public.label_purchase_attempts a set state = 'purchased', outcome = v.outcome, finished_at = now()
        from v where ${anyOf(sql`a.id`, rows.map((row) => row.attempt_id))} and a.id = v.attempt_id
      )
      update public.shipments s set status = 'purchased', transaction_id = v.transaction_id, tracking_number = v.tracking_number,
        tracking_url = v.tracking_url, label_url = v.label_url, rate_id = v.rate_id, provider = v.provider,
        purchased_at = coalesce(s.purchased_at, now()),
        tracking_status = case when s.tracking_status_rank = 0 then 'label_created' else s.tracking_status end,
        tracking_status_rank = greatest(s.tracking_status_rank, 1), last_error = null, updated_at = now()
      from v where ${anyOf(sql`s.id`, rows.map((row) => row.shipment_id))} and s.id = v.shipment_id`);
    await moveOrdersAfterPurchase(tx, items);
  });
}

/** Idempotent: also used when a purchased shipment is found whose order has not moved yet. */
export async function moveOrderAfterPurchase(tx: Tx, shipment: ShipmentRow, label: Pick<PurchasedLabel, 'trackingNumber' | 'provider' | 'carrier'>) {
  await moveOrdersAfterPurchase(tx, [{ shipment, label }]);
}

/** The orders of purchased shipments: label_purchased for those still reserved (one batch), a void for cancelled ones. */
async function moveOrdersAfterPurchase(tx: Tx, items: readonly { shipment: ShipmentRow; label: Pick<PurchasedLabel, 'trackingNumber' | 'provider' | 'carrier'> }[]) {
  const snapshots = new Map((await loadOrderSnapshots(tx, items.map(({ shipment }) => ({ accountId: shipment.accountId, orderId: shipment.orderId }))))
    .map((snapshot) => [snapshot.order.id, snapshot]));
  const transitions: TransitionItem[] = [];
  for (const { shipment, label } of items) {
    const snapshot = snapshots.get(shipment.orderId);
    if (!snapshot) continue;
    if (snapshot.order.workflowStatus === 'cancelled') {
      await enqueue('shipping.void-label', { accountId: shipment.accountId, shipmentId: shipment.id }, { tx });
      continue;
    }
    if (snapshot.order.workflowStatus !== 'inventory_reserved') continue;
    transitions.push({
      snapshot,
      request: {
        event: 'label_purchased', source: 'system', reason: `label bought from ${label.carrier} (${label.provider})`,
        details: { shipmentId: shipment.id, carrier: label.carrier, trackingNumber: label.trackingNumber, rateCents: shipment.rateAmountCents },
        patch: { trackingNumber: label.trackingNumber, shippingProvider: label.provider },
      },
    });
  }
  await applyTransitions(tx, transitions);
}

/**
 * The carrier said no and no label exists. `requote`: the shipment goes back to be quoted afresh.
 * One statement (finishAttempt), so no transaction is needed.
 */
export async function recordFailed(shipment: ShipmentRow, attemptId: string, failure: PurchaseFailed, next: 'pending' | 'quoted' | 'failed'): Promise<void> {
  const reason = failure.reason.slice(0, 1000);
  await finishAttempt(systemDb(), { id: attemptId, state: 'failed', outcome: failure, error: reason }, shipment.id, sql`status = ${next}, last_error = ${reason}`);
}

/** Neither bought nor refused as far as we can tell: stays open until a lookup resolves it. One statement. */
export async function recordUnknown(shipment: ShipmentRow, attemptId: string, reason: string): Promise<void> {
  const error = reason.slice(0, 1000);
  await finishAttempt(systemDb(), { id: attemptId, state: 'unknown_outcome', outcome: { reason }, error }, shipment.id, sql`status = 'unknown_outcome', last_error = ${error}`);
}
