import 'server-only';
import { sql } from 'drizzle-orm';
import { anyOf, asSystem, type Tx } from '@/lib/db';
import { applyTransitions, decideNextStep, loadOrderSnapshots, type TransitionItem } from '@/lib/orders';

export type TrackingPushRecord = { accountId: string; orderId: string; trackingNumber: string; shippingProvider: string };

/**
 * Records that TikTok took these orders' tracking numbers: tracking_pushed_at, the number and the
 * provider, the last error cleared. An order waiting for exactly that moves on to `shipped` with
 * them, in one UPDATE (the ship transition carries the columns as its patch); the others (a person
 * already marked it shipped, another worker moved it first) get them by one set-based UPDATE. The
 * single path records one order, the batch path all it pushed, in one transaction either way.
 */
export async function recordTrackingPushes(pushes: readonly TrackingPushRecord[]): Promise<void> {
  if (pushes.length === 0) return;
  await asSystem(async (tx) => {
    const shipped = await shipOrdersTikTokTook(tx, pushes);
    const rest = pushes.filter((push) => !shipped.has(push.orderId));
    if (rest.length > 0) await markPushed(tx, rest);
  });
}

const pushedColumns = (push: TrackingPushRecord, at: Date) =>
  ({ trackingPushedAt: at, trackingNumber: push.trackingNumber, shippingProvider: push.shippingProvider, lastError: null }) as const;

/**
 * TikTok accepting the tracking number is the hand-over the workflow's `ship` waits for (the
 * handed_to_carrier condition), so it is applied here, with the push, rather than by a workflow job
 * after TikTok's status-change webhook comes back (ingestion then finds the order shipped and has
 * nothing to schedule). Each order is decided as it will be once the push is recorded; only those
 * whose next step is `ship` move (ready_to_ship ones), by the conditional update of every
 * transition, so a workflow job racing this one moves each order once. Returns the ids it shipped.
 */
async function shipOrdersTikTokTook(tx: Tx, pushes: readonly TrackingPushRecord[]): Promise<Set<string>> {
  const byOrder = new Map(pushes.map((push) => [push.orderId, push]));
  const at = new Date();
  const transitions: TransitionItem[] = [];
  for (const stored of await loadOrderSnapshots(tx, pushes.map((push) => ({ accountId: push.accountId, orderId: push.orderId })))) {
    const pushed = pushedColumns(byOrder.get(stored.order.id)!, at);
    const snapshot = { ...stored, order: { ...stored.order, ...pushed } };
    const next = decideNextStep(snapshot);
    if (next.kind !== 'transition' || next.event !== 'ship') continue;
    transitions.push({
      snapshot,
      request: {
        event: 'ship', source: 'tiktok_shop', reason: 'TikTok Shop accepted the tracking number',
        details: { trackingNumber: pushed.trackingNumber }, patch: pushed,
      },
    });
  }
  const results = await applyTransitions(tx, transitions);
  return new Set(transitions.flatMap((item, index) => (results[index]!.kind === 'applied' ? [item.snapshot.order.id] : [])));
}

async function markPushed(tx: Tx, pushes: readonly TrackingPushRecord[]): Promise<void> {
  const rows = pushes.map((push) => ({ id: push.orderId, account_id: push.accountId, tracking_number: push.trackingNumber, shipping_provider: push.shippingProvider }));
  await tx.execute(sql`
    update public.orders o
    set tracking_pushed_at = now(), tracking_number = v.tracking_number, shipping_provider = v.shipping_provider,
        last_error = null, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(id uuid, account_id uuid, tracking_number text, shipping_provider text)
    where ${anyOf(sql`o.id`, rows.map((row) => row.id))} and o.id = v.id and o.account_id = v.account_id`);
}
