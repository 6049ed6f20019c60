import 'server-only';
import { sql } from 'drizzle-orm';
import { asSystem } from '@/lib/db';
import { enqueue, enqueueMany, QUEUE_PRIORITY } from '@/lib/queue';
import type { ProcessingQueue } from '@/lib/db/schema/orders';

export type ReconcileResult = { orders: number; shipments: number; trackingPushes: number; carrierEvents: number; backorderedSkus: number };

const LIMIT = 1_000;

/**
 * Job `orders.reconcile-pipeline` (every minute): the safety net under the event-driven path. A
 * job can be lost with its worker (SIGKILL, OOM, a deploy) and stay "active" in pg-boss until it
 * expires; this finds what stopped moving and enqueues the idempotent job that moves it again:
 * - orders that could move on their own but were not touched for `staleAfterMs` → advance-order;
 * - shipments stuck before or in a purchase → buy-label (which looks an open attempt up first,
 *   under the shipment lock, so a purchase still in flight elsewhere is left alone);
 * - labelled orders TikTok has not taken the tracking number for → tiktok.push-tracking;
 * - carrier webhooks stored but not processed → shipping.process-tracking;
 * - SKUs with stock again and orders backordered on them → retry-backorders.
 */
export async function reconcilePipeline(input: { staleAfterMs: number }): Promise<ReconcileResult> {
  const staleSeconds = Math.max(0, input.staleAfterMs / 1000);
  return asSystem(async (tx) => {
    const orders = await tx.execute<{ id: string; account_id: string; processing_queue: ProcessingQueue }>(sql`
      select id, account_id, processing_queue from public.orders
      where workflow_status in ('new', 'validated', 'inventory_reserved', 'ready_to_ship')
        and updated_at < now() - make_interval(secs => ${staleSeconds})
        and order_status <> 'UNPAID'
        and not (workflow_status = 'validated' and backordered)
        and not (workflow_status = 'inventory_reserved' and (on_hold_for_review or skip_auto_label or order_status not in ('AWAITING_SHIPMENT', 'CANCELLED')))
      order by updated_at
      limit ${LIMIT}`);
    await enqueueMany(
      'orders.advance-order',
      orders.rows.map((row) => ({ data: { accountId: row.account_id, orderId: row.id, reason: 'reconcile' }, priority: QUEUE_PRIORITY[row.processing_queue] })),
      { tx },
    );

    const shipments = await tx.execute<{ order_id: string; account_id: string; processing_queue: ProcessingQueue }>(sql`
      select s.order_id, s.account_id, o.processing_queue from public.shipments s join public.orders o on o.id = s.order_id
      where s.updated_at < now() - make_interval(secs => ${staleSeconds})
        and (s.status in ('purchasing', 'unknown_outcome')
          or (s.status in ('pending', 'quoted') and o.workflow_status = 'inventory_reserved' and o.order_status = 'AWAITING_SHIPMENT'))
      order by s.updated_at
      limit ${LIMIT}`);
    await enqueueMany(
      'shipping.buy-label',
      shipments.rows.map((row) => ({ data: { accountId: row.account_id, orderId: row.order_id }, priority: QUEUE_PRIORITY[row.processing_queue] })),
      { tx },
    );

    const unpushed = await tx.execute<{ id: string; account_id: string; processing_queue: ProcessingQueue }>(sql`
      select id, account_id, processing_queue from public.orders
      where workflow_status = 'ready_to_ship' and tracking_pushed_at is null and order_status = 'AWAITING_SHIPMENT'
        and updated_at < now() - make_interval(secs => ${staleSeconds})
      order by updated_at
      limit ${LIMIT}`);
    await enqueueMany(
      'tiktok.push-tracking',
      unpushed.rows.map((row) => ({ data: { accountId: row.account_id, orderId: row.id }, priority: QUEUE_PRIORITY[row.processing_queue] })),
      { tx },
    );

    const events = await tx.execute<{ id: string }>(sql`
      select id from public.webhook_events
      where provider in ('shippo', 'easypost') and status = 'pending' and received_at < now() - make_interval(secs => ${staleSeconds})
      order by received_at
      limit ${LIMIT}`);
    await enqueueMany('shipping.process-tracking', events.rows.map((row) => ({ data: { webhookEventId: row.id } })), { tx });

    const skus = await tx.execute<{ account_id: string; sku_id: string }>(sql`
      select distinct o.account_id, i.sku_id from public.orders o
      join public.order_items i on i.order_id = o.id
      where o.backordered and o.workflow_status = 'validated' and i.sku_id is not null
        and exists (select 1 from public.inventory_levels l where l.sku_id = i.sku_id and l.on_hand - l.reserved > 0)
      limit ${LIMIT}`);
    for (const row of skus.rows) {
      await enqueue('orders.retry-backorders', { accountId: row.account_id, skuId: row.sku_id }, { tx });
    }
    return {
      orders: orders.rows.length, shipments: shipments.rows.length, trackingPushes: unpushed.rows.length,
      carrierEvents: events.rows.length, backorderedSkus: skus.rows.length,
    };
  });
}
