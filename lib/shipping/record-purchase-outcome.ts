import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { asSystem, tables, type Tx } from '@/lib/db';
import { applyTransition, loadOrderSnapshot } from '@/lib/orders';
import { enqueue } from '@/lib/queue';
import type { PurchasedLabel, PurchaseFailed } from '@/lib/shipping/carriers';
import type { ShipmentRow } from './shipment-records';

/** `error` keeps the first problem seen (an unknown outcome later resolved as purchased still shows why). */
async function finishAttempt(tx: Tx, attemptId: string, state: 'purchased' | 'failed' | 'unknown_outcome', outcome: unknown, error?: string) {
  await tx.execute(sql`
    update public.label_purchase_attempts
    set state = ${state}, outcome = ${JSON.stringify(outcome)}::jsonb, error = coalesce(${error ?? null}, error),
      finished_at = case when ${state} = 'unknown_outcome' then null else now() end
    where id = ${attemptId}`);
}

/**
 * A label exists: the attempt, the shipment and the order move together, in one transaction. The
 * order goes inventory_reserved → ready_to_ship (which enqueues the TikTok tracking push); if it
 * was cancelled while the purchase was in flight, the fresh label is voided instead.
 */
export async function recordPurchased(shipment: ShipmentRow, attemptId: string, label: PurchasedLabel, via: 'purchase' | 'lookup' = 'purchase'): Promise<void> {
  await asSystem(async (tx) => {
    await finishAttempt(tx, attemptId, 'purchased', { ...label, via });
    await tx
      .update(tables.shipments)
      .set({
        status: 'purchased', transactionId: label.transactionId, trackingNumber: label.trackingNumber, trackingUrl: label.trackingUrl,
        labelUrl: label.labelUrl, rateId: label.rateId, provider: label.provider, purchasedAt: sql`coalesce(${tables.shipments.purchasedAt}, now())`,
        trackingStatus: sql`case when ${tables.shipments.trackingStatusRank} = 0 then 'label_created' else ${tables.shipments.trackingStatus} end`,
        trackingStatusRank: sql`greatest(${tables.shipments.trackingStatusRank}, 1)`, lastError: null, updatedAt: sql`now()`,
      })
      .where(eq(tables.shipments.id, shipment.id));
    await moveOrderAfterPurchase(tx, shipment, label);
  });
}

/** Idempotent: also used when a purchased shipment is found whose order has not moved yet. */
export async function moveOrderAfterPurchase(tx: Tx, shipment: ShipmentRow, label: Pick<PurchasedLabel, 'trackingNumber' | 'provider' | 'carrier'>) {
  const snapshot = await loadOrderSnapshot(tx, { accountId: shipment.accountId, orderId: shipment.orderId });
  if (!snapshot) return;
  if (snapshot.order.workflowStatus === 'cancelled') {
    await enqueue('shipping.void-label', { accountId: shipment.accountId, shipmentId: shipment.id }, { tx });
    return;
  }
  if (snapshot.order.workflowStatus !== 'inventory_reserved') return;
  await applyTransition(tx, snapshot, {
    event: 'label_purchased', source: 'system', reason: `label bought from ${label.carrier} (${label.provider})`,
    details: { shipmentId: shipment.id, carrier: label.carrier, trackingNumber: label.trackingNumber, rateCents: shipment.rateAmountCents },
    patch: { trackingNumber: label.trackingNumber, shippingProvider: label.provider },
  });
}

/** The carrier said no and no label exists. `requote`: the shipment goes back to be quoted afresh. */
export async function recordFailed(shipment: ShipmentRow, attemptId: string, failure: PurchaseFailed, next: 'pending' | 'quoted' | 'failed'): Promise<void> {
  await asSystem(async (tx) => {
    await finishAttempt(tx, attemptId, 'failed', failure, failure.reason.slice(0, 1000));
    await tx
      .update(tables.shipments)
      .set({ status: next, lastError: failure.reason.slice(0, 1000), updatedAt: sql`now()` })
      .where(eq(tables.shipments.id, shipment.id));
  });
}

/** Neither bought nor refused as far as we can tell: stays open until a lookup resolves it. */
export async function recordUnknown(shipment: ShipmentRow, attemptId: string, reason: string): Promise<void> {
  await asSystem(async (tx) => {
    await finishAttempt(tx, attemptId, 'unknown_outcome', { reason }, reason.slice(0, 1000));
    await tx
      .update(tables.shipments)
      .set({ status: 'unknown_outcome', lastError: reason.slice(0, 1000), updatedAt: sql`now()` })
      .where(eq(tables.shipments.id, shipment.id));
  });
}
