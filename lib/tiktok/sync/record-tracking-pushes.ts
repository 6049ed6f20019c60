import 'server-only';
import { sql } from 'drizzle-orm';
import { anyOf, systemDb } from '@/lib/db';

export type TrackingPushRecord = { accountId: string; orderId: string; trackingNumber: string; shippingProvider: string };

/**
 * Marks orders as pushed after TikTok took their tracking numbers: one set-based UPDATE for however many
 * (the single path writes one, the batch path all it pushed), clearing the last error.
 */
export async function recordTrackingPushes(pushes: readonly TrackingPushRecord[]): Promise<void> {
  if (pushes.length === 0) return;
  const rows = pushes.map((push) => ({ id: push.orderId, account_id: push.accountId, tracking_number: push.trackingNumber, shipping_provider: push.shippingProvider }));
  await systemDb().execute(sql`
    update public.orders o
    set tracking_pushed_at = now(), tracking_number = v.tracking_number, shipping_provider = v.shipping_provider,
        last_error = null, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(id uuid, account_id uuid, tracking_number text, shipping_provider text)
    where ${anyOf(sql`o.id`, rows.map((row) => row.id))} and o.id = v.id and o.account_id = v.account_id`);
}
