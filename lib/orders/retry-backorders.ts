import 'server-only';
import { sql } from 'drizzle-orm';
import { asSystem } from '@/lib/db';
import { enqueue, QUEUE_PRIORITY } from '@/lib/queue';
import { applyTransition } from './workflow/apply-transition';
import { loadOrderSnapshot } from './workflow/load-order-snapshot';
import { backorderAlertKey, resolveAlert } from './workflow/order-alerts';

/** One batch; a bigger backlog continues in the next run (the job re-enqueues itself via stock-ins). */
const BATCH = 500;

export type RetryBackordersResult = { tried: number; reserved: number; stillWaiting: number };

/**
 * Job `orders.retry-backorders`: stock of a SKU went up, so its backordered orders try to reserve
 * again, strictly oldest first (one at a time, in created order), each in its own transaction.
 * An order that gets its stock moves on (advance-order is enqueued with it); one that does not
 * stays backordered. It stops early once the SKU has nothing left to give. When no order waits for
 * the SKU any more, its backorder alert is resolved.
 */
export async function retryBackorders(input: { accountId: string; skuId: string }): Promise<RetryBackordersResult> {
  const waiting = await asSystem((tx) =>
    tx.execute<{ id: string }>(sql`
      select o.id from public.orders o
      where o.account_id = ${input.accountId} and o.backordered and o.workflow_status = 'validated'
        and exists (select 1 from public.order_items i where i.order_id = o.id and i.sku_id = ${input.skuId})
      order by o.created_at, o.id
      limit ${BATCH}`),
  );
  const result: RetryBackordersResult = { tried: 0, reserved: 0, stillWaiting: 0 };
  for (const { id: orderId } of waiting.rows) {
    result.tried += 1;
    const outcome = await asSystem(async (tx) => {
      const snapshot = await loadOrderSnapshot(tx, { accountId: input.accountId, orderId });
      if (!snapshot || snapshot.order.workflowStatus !== 'validated') return 'gone' as const;
      const applied = await applyTransition(tx, snapshot, { event: 'reserve_inventory', source: 'system', reason: 'stock was added' });
      if (applied.kind === 'applied') {
        await enqueue('orders.advance-order', { accountId: input.accountId, orderId, reason: 'backorder filled' }, { tx, priority: QUEUE_PRIORITY[applied.order.processingQueue] });
        return 'reserved' as const;
      }
      if (applied.kind === 'vetoed' && applied.veto.details.shortSkuId === input.skuId && Number(applied.veto.details.available) <= 0) return 'exhausted' as const;
      return 'waiting' as const;
    });
    if (outcome === 'reserved') result.reserved += 1;
    if (outcome === 'waiting' || outcome === 'exhausted') result.stillWaiting += 1;
    if (outcome === 'exhausted') break;
  }
  await asSystem(async (tx) => {
    const left = await tx.execute(sql`
      select 1 from public.orders o join public.order_items i on i.order_id = o.id
      where o.account_id = ${input.accountId} and o.backordered and i.sku_id = ${input.skuId} limit 1`);
    if (left.rows.length === 0) await resolveAlert(tx, { accountId: input.accountId, dedupeKey: backorderAlertKey(input.skuId) });
  });
  return result;
}
