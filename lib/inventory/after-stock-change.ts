import 'server-only';
import { sql } from 'drizzle-orm';
import type { Tx } from '@/lib/db';
import { checkLowStock } from './check-low-stock';
import { enqueue } from '@/lib/queue';

/** TikTok hears about stock changes at most every 2 s per shop (and always after the last one). */
const PUSH_DEBOUNCE_SECONDS = 2;
const BACKORDER_RETRY_DEBOUNCE_SECONDS = 1;

/**
 * The TikTok inventory push for these shops, debounced per shop. It reads the numbers when it
 * runs, so it may be enqueued before the change it announces, in the same transaction.
 */
export async function enqueueStockPush(tx: Tx, input: { accountId: string; shopIds: readonly string[] }): Promise<void> {
  for (const shopId of new Set(input.shopIds)) {
    await enqueue('tiktok.push-inventory', { accountId: input.accountId, shopId }, { tx, debounce: { key: shopId, seconds: PUSH_DEBOUNCE_SECONDS } });
  }
}

/**
 * What follows a change of available units, in the same transaction: the TikTok inventory push
 * for each affected shop, the low-stock check, and, when stock went up, a retry of the orders
 * waiting for it (debounced per SKU). Shipping does not change available units and skips this.
 */
export async function afterStockChange(
  tx: Tx,
  input: { accountId: string; skuIds: readonly string[]; direction: 'up' | 'down' },
): Promise<void> {
  const skuIds = [...new Set(input.skuIds)];
  if (skuIds.length === 0) return;
  const ids = sql.join(skuIds.map((id) => sql`${id}::uuid`), sql`, `);
  const shops = await tx.execute<{ shop_id: string }>(sql`
    select distinct shop_id from public.skus where account_id = ${input.accountId} and id in (${ids})`);
  await enqueueStockPush(tx, { accountId: input.accountId, shopIds: shops.rows.map((row) => row.shop_id) });
  await checkLowStock(tx, { accountId: input.accountId, skuIds });
  if (input.direction === 'up') {
    const waiting = await tx.execute<{ sku_id: string }>(sql`
      select distinct i.sku_id from public.orders o join public.order_items i on i.order_id = o.id
      where o.account_id = ${input.accountId} and o.backordered and o.workflow_status = 'validated' and i.sku_id in (${ids})`);
    for (const { sku_id: skuId } of waiting.rows) {
      await enqueue(
        'orders.retry-backorders',
        { accountId: input.accountId, skuId },
        { tx, debounce: { key: `${input.accountId}:${skuId}`, seconds: BACKORDER_RETRY_DEBOUNCE_SECONDS } },
      );
    }
  }
}
