import 'server-only';
import { sql } from 'drizzle-orm';
import { asSystem, tables } from '@/lib/db';
import { isTikTokApiError } from '../errors';
import { loadShop } from '../shops/load-shop';
import { openShopApi } from '../shops/open-shop-api';
import type { InventoryUpdateSku } from '../shop-products';
import type { ShopRef } from './request-order-sync';
import { withShopLock } from './shop-lock';
import { toShopJobFailure } from './shop-job-failure';

/** TikTok's accepted range per warehouse (spec §8.2; 0 is accepted in practice). */
const MAX_QUANTITY = 99_999;

interface SkuStock {
  skuId: string;
  tiktokSkuId: string;
  tiktokProductId: string;
  warehouseIds: string[];
  available: Record<string, number>;
  pushed: Record<string, number> | null;
}

export interface FlushInventoryResult {
  skipped?: 'not_connected';
  products: number;
  skus: number;
  refused: number;
}

/**
 * Sends TikTok the available quantity (on hand − reserved) of every SKU of the shop whose numbers
 * changed since TikTok last accepted them: one inventory/update per product, every warehouse TikTok
 * assigned the SKU listed (a warehouse without stock here is 0). One flush per shop at a time, so an
 * older snapshot can never overwrite a newer one on TikTok; a second one arriving meanwhile retries.
 * SKUs TikTok refuses keep their error and are tried again on the next change.
 */
export async function flushShopInventory(ref: ShopRef): Promise<FlushInventoryResult> {
  const result: FlushInventoryResult = { products: 0, skus: 0, refused: 0 };
  const shop = await loadShop(ref.accountId, ref.shopId);
  if (!shop || shop.status !== 'connected') return { ...result, skipped: 'not_connected' };
  const run = await withShopLock(`tiktok-inventory:${shop.id}`, async () => {
    const byProduct = new Map<string, { sku: SkuStock; inventory: InventoryUpdateSku['inventory'] }[]>();
    for (const sku of await readStock(shop)) {
      const inventory = sku.warehouseIds.map((warehouseId) => ({
        warehouse_id: warehouseId,
        quantity: Math.min(MAX_QUANTITY, Math.max(0, sku.available[warehouseId] ?? 0)),
      }));
      if (inventory.length === 0 || sameQuantities(inventory, sku.pushed)) continue;
      byProduct.set(sku.tiktokProductId, [...(byProduct.get(sku.tiktokProductId) ?? []), { sku, inventory }]);
    }
    const api = openShopApi(shop);
    for (const [productId, entries] of byProduct) {
      let refused = new Map<string, string>();
      try {
        const answer = await api.updateInventory(productId, entries.map(({ sku, inventory }) => ({ id: sku.tiktokSkuId, inventory })));
        refused = new Map(answer.errors.map((error) => [error.skuId ?? '', error.message]));
      } catch (error) {
        // A refused product (not ACTIVATE, deleted) must not hold up the others; anything else retries.
        if (!isTikTokApiError(error) || error.retryable || !['PRODUCT_STATUS_NOT_ALLOWED', 'PRODUCT_NOT_FOUND'].includes(error.kind)) {
          throw await toShopJobFailure(shop, error);
        }
        refused = new Map(entries.map(({ sku }) => [sku.tiktokSkuId, error.message]));
      }
      await record(shop, entries, refused);
      result.products += 1;
      result.skus += entries.length - refused.size;
      result.refused += refused.size;
    }
    return result;
  });
  if (run.busy) throw new Error(`an inventory push for shop ${shop.id} is running; retrying after it`);
  return run.value;
}

async function readStock(shop: { id: string; accountId: string }): Promise<SkuStock[]> {
  const rows = await asSystem((tx) =>
    tx.execute<{
      sku_id: string;
      tiktok_sku_id: string;
      tiktok_product_id: string;
      warehouse_ids: string[];
      available: Record<string, number>;
      pushed: Record<string, number> | null;
    }>(sql`
      select s.id as sku_id, s.tiktok_sku_id, p.tiktok_product_id, s.warehouse_ids,
        coalesce(jsonb_object_agg(l.warehouse_id, l.available) filter (where l.id is not null), '{}'::jsonb) as available,
        ip.quantities as pushed
      from public.skus s
      join public.products p on p.id = s.product_id and p.status = 'ACTIVATE'
      left join public.inventory_levels l on l.sku_id = s.id and l.account_id = s.account_id
      left join public.tiktok_inventory_pushes ip on ip.sku_id = s.id
      where s.account_id = ${shop.accountId} and s.shop_id = ${shop.id}
      group by s.id, p.tiktok_product_id, ip.quantities
      order by p.tiktok_product_id, s.tiktok_sku_id`),
  );
  return rows.rows.map((row) => ({
    skuId: row.sku_id,
    tiktokSkuId: row.tiktok_sku_id,
    tiktokProductId: row.tiktok_product_id,
    warehouseIds: row.warehouse_ids,
    available: row.available,
    pushed: row.pushed,
  }));
}

function sameQuantities(inventory: { warehouse_id: string; quantity: number }[], pushed: Record<string, number> | null): boolean {
  if (!pushed) return false;
  return inventory.length === Object.keys(pushed).length && inventory.every((entry) => pushed[entry.warehouse_id] === entry.quantity);
}

async function record(
  shop: { id: string; accountId: string },
  entries: { sku: SkuStock; inventory: { warehouse_id: string; quantity: number }[] }[],
  refused: Map<string, string>,
) {
  const p = tables.tiktokInventoryPushes;
  await asSystem(async (tx) => {
    for (const { sku, inventory } of entries) {
      const error = refused.get(sku.tiktokSkuId);
      const quantities = Object.fromEntries(inventory.map((entry) => [entry.warehouse_id, entry.quantity]));
      const set = error
        ? { lastError: error.slice(0, 500), updatedAt: new Date() }
        : { quantities, pushedAt: new Date(), lastError: null, updatedAt: new Date() };
      await tx
        .insert(p)
        .values({ skuId: sku.skuId, accountId: shop.accountId, shopId: shop.id, ...set })
        .onConflictDoUpdate({ target: p.skuId, set });
    }
  });
}
