import 'server-only';
import { sql } from 'drizzle-orm';
import type { Tx } from '@/lib/db';
import { enqueueLowStockAlertEmail, lowStockItemSchema } from '@/lib/email';
import { logger } from '@/lib/logger';
import { unitsSoldBySku } from './queries/units-sold';
import { parsePlanningSettings, planSku } from './queries/velocity';

type SkuLevel = { sku_id: string; threshold: number; available: number; alerted: boolean };
type SkuDetail = { label: string; product_name: string; units_24h: number; units_7d: number; planning: unknown };

/**
 * Raises a low-stock alert when a SKU's available units (all warehouses) fall to its
 * low_stock_threshold, once: the open alert's dedupe key (`low_stock:<sku>`) is unique among open
 * alerts, so a spike of reservations inserts one row and sends one email. When stock is back above
 * the threshold the alert is resolved, so the next dip alerts again. Runs after every reservation
 * (while the stock row is locked), so the common case is one small read; the sales figures for the
 * email are read only when an alert is actually raised.
 */
export async function checkLowStock(tx: Tx, input: { accountId: string; skuIds: readonly string[] }): Promise<void> {
  if (input.skuIds.length === 0) return;
  const ids = sql.join(input.skuIds.map((id) => sql`${id}::uuid`), sql`, `);
  const levels = await tx.execute<SkuLevel>(sql`
    select s.id as sku_id, s.low_stock_threshold as threshold, coalesce(sum(l.on_hand - l.reserved), 0)::int as available,
      exists (select 1 from public.alerts a where a.account_id = s.account_id and a.dedupe_key = 'low_stock:' || s.id and a.resolved_at is null) as alerted
    from public.skus s
    left join public.inventory_levels l on l.sku_id = s.id
    where s.account_id = ${input.accountId} and s.id in (${ids})
    group by s.id`);

  const recovered = levels.rows.filter((row) => row.alerted && row.available > row.threshold);
  if (recovered.length > 0) {
    const keys = sql.join(recovered.map((row) => sql`${`low_stock:${row.sku_id}`}`), sql`, `);
    await tx.execute(sql`
      update public.alerts set resolved_at = now()
      where account_id = ${input.accountId} and resolved_at is null and kind = 'low_stock' and dedupe_key in (${keys})`);
  }
  for (const row of levels.rows.filter((candidate) => !candidate.alerted && candidate.available <= candidate.threshold)) {
    const detail = await skuDetail(tx, input.accountId, row.sku_id);
    const inserted = await tx.execute<{ id: string }>(sql`
      insert into public.alerts (account_id, kind, severity, title, body, entity_type, entity_id, dedupe_key)
      values (${input.accountId}, 'low_stock', ${row.available <= 0 ? 'critical' : 'warning'},
        ${`Low stock: ${detail.label}`}, ${`${row.available} available (threshold ${row.threshold}).`}, 'sku', ${row.sku_id},
        ${`low_stock:${row.sku_id}`})
      on conflict (account_id, dedupe_key) where resolved_at is null do nothing
      returning id`);
    const alertId = inserted.rows[0]?.id;
    if (alertId) await emailOwners(tx, input.accountId, { ...row, ...detail }, alertId);
  }
}

/** Name, product, recent sales and the account's planning settings, for the alert and its email. */
async function skuDetail(tx: Tx, accountId: string, skuId: string): Promise<SkuDetail> {
  const result = await tx.execute<SkuDetail>(sql`
    with sales as (${unitsSoldBySku(accountId, [skuId])})
    select coalesce(s.seller_sku, s.tiktok_sku_id) as label, p.title as product_name,
      coalesce(sales.units_24h, 0) as units_24h, coalesce(sales.units_7d, 0) as units_7d,
      (select a.settings->'inventory' from public.accounts a where a.id = s.account_id) as planning
    from public.skus s join public.products p on p.id = s.product_id left join sales on sales.sku_id = s.id
    where s.account_id = ${accountId} and s.id = ${skuId}`);
  return result.rows[0] ?? { label: skuId, product_name: 'Unknown product', units_24h: 0, units_7d: 0, planning: null };
}

/**
 * The owners hear about it once per alert (the email key is the alert's id). Cover, pace and the
 * reorder quantity are the inventory page's (planSku with the account's lead time and cover target).
 */
async function emailOwners(tx: Tx, accountId: string, row: SkuLevel & SkuDetail, alertId: string) {
  const plan = planSku(
    { available: row.available, unitsSold24h: row.units_24h, unitsSold7d: row.units_7d, lowStockThreshold: row.threshold },
    parsePlanningSettings(row.planning),
  );
  const item = lowStockItemSchema.safeParse({
    sku: row.label.slice(0, 64), productName: row.product_name.slice(0, 200), available: row.available,
    daysOfCover: plan.daysOfCover, velocityPerDay: Math.round(plan.planningVelocity * 24 * 10) / 10, suggestedReorder: plan.reorderQuantity,
  });
  if (!item.success) {
    logger.warn({ skuId: row.sku_id }, 'low-stock email skipped: the SKU has no usable label'); // still alerted in the app
    return;
  }
  await enqueueLowStockAlertEmail(tx, { accountId, alertKey: `low_stock:${row.sku_id}:${alertId}`, items: [item.data] });
}
