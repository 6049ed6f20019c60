import 'server-only';
import { sql } from 'drizzle-orm';
import { anyOf, asSystem, type Tx } from '@/lib/db';
import { applyTransitions, decideNextStep, loadOrderSnapshots, type TransitionItem } from '@/lib/orders';

export type TrackingPushRecord = { accountId: string; orderId: string; trackingNumber: string; shippingProvider: string };

/**
 * Marks orders as pushed after TikTok took their tracking numbers: one set-based UPDATE for however many
 * (the single path writes one, the batch path all it pushed), clearing the last error. In the same
 * transaction the orders waiting for exactly that move on to `shipped` (shipOrdersTikTokTook).
 */
export async function recordTrackingPushes(pushes: readonly TrackingPushRecord[]): Promise<void> {
  if (pushes.length === 0) return;
  const rows = pushes.map((push) => ({ id: push.orderId, account_id: push.accountId, tracking_number: push.trackingNumber, shipping_provider: push.shippingProvider }));
  await asSystem(async (tx) => {
    await tx.execute(sql`
      update public.orders o
      set tracking_pushed_at = now(), tracking_number = v.tracking_number, shipping_provider = v.shipping_provider,
          last_error = null, updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(id uuid, account_id uuid, tracking_number text, shipping_provider text)
      where ${anyOf(sql`o.id`, rows.map((row) => row.id))} and o.id = v.id and o.account_id = v.account_id`);
    await shipOrdersTikTokTook(tx, pushes);
  });
}

/**
 * TikTok accepting the tracking number is the hand-over the workflow's `ship` waits for (the
 * handed_to_carrier condition), so it is applied here, with the push, rather than by a workflow job
 * after TikTok's status-change webhook comes back (ingestion then finds the order shipped and has
 * nothing to schedule). Only orders whose next step is `ship` move (ready_to_ship ones; one a person
 * already marked shipped has nothing left), and the move is the conditional update of every transition,
 * so a workflow job racing this one moves each order once.
 */
async function shipOrdersTikTokTook(tx: Tx, pushes: readonly TrackingPushRecord[]): Promise<void> {
  const snapshots = await loadOrderSnapshots(tx, pushes.map((push) => ({ accountId: push.accountId, orderId: push.orderId })));
  const transitions: TransitionItem[] = [];
  for (const snapshot of snapshots) {
    const next = decideNextStep(snapshot);
    if (next.kind !== 'transition' || next.event !== 'ship') continue;
    transitions.push({
      snapshot,
      request: { event: 'ship', source: 'tiktok_shop', reason: 'TikTok Shop accepted the tracking number', details: { trackingNumber: snapshot.order.trackingNumber } },
    });
  }
  await applyTransitions(tx, transitions);
}
