import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { tables, type Tx } from '@/lib/db';
import { moneyToCents } from '@/lib/orders/ingest';
import type { TikTokProduct } from '../schemas';

export interface ProductUpsertResult {
  products: number;
  skus: number;
  /** (SKU, warehouse) stock rows created from TikTok's quantity: first sight only. */
  stockSeeded: number;
  /** Orders whose items could now be linked to a SKU (they arrived before the product did). */
  linkedOrderIds: string[];
}

/**
 * Stores TikTok products and SKUs of one shop (title, status, seller SKU, price, warehouses). Stock is
 * taken from TikTok only when a SKU is first seen in a warehouse (a `sync` movement explains it); after
 * that our inventory is the truth and flows the other way (tiktok.push-inventory). A product snapshot
 * older than the stored one is skipped whole.
 */
export async function upsertShopProducts(
  tx: Tx,
  shop: { id: string; accountId: string },
  products: readonly TikTokProduct[],
): Promise<ProductUpsertResult> {
  const result: ProductUpsertResult = { products: 0, skus: 0, stockSeeded: 0, linkedOrderIds: [] };
  const p = tables.products;
  const k = tables.skus;
  for (const product of products) {
    const [stored] = await tx
      .insert(p)
      .values({
        accountId: shop.accountId,
        shopId: shop.id,
        tiktokProductId: product.id,
        title: product.title,
        status: product.status,
        tiktokUpdateTime: product.update_time ?? 0,
      })
      .onConflictDoUpdate({
        target: [p.shopId, p.tiktokProductId],
        set: { title: product.title, status: product.status, tiktokUpdateTime: product.update_time ?? 0, updatedAt: new Date() },
        setWhere: sql`${p.tiktokUpdateTime} <= ${product.update_time ?? 0}`,
      })
      .returning({ id: p.id });
    if (!stored) continue;
    result.products += 1;

    for (const sku of product.skus) {
      const warehouses = [...new Set(sku.inventory.map((entry) => entry.warehouse_id))];
      const price = sku.price?.sale_price ?? sku.price?.tax_exclusive_price;
      const values = {
        sellerSku: sku.seller_sku ?? null,
        priceCents: Math.max(0, moneyToCents(price)),
        currency: sku.price?.currency ?? 'USD',
        warehouseIds: warehouses,
      };
      const [storedSku] = await tx
        .insert(k)
        .values({ accountId: shop.accountId, shopId: shop.id, productId: stored.id, tiktokSkuId: sku.id, ...values })
        .onConflictDoUpdate({ target: [k.shopId, k.tiktokSkuId], set: { ...values, productId: stored.id, updatedAt: new Date() } })
        .returning({ id: k.id });
      result.skus += 1;
      for (const entry of sku.inventory) {
        result.stockSeeded += await seedStock(tx, shop.accountId, storedSku!.id, entry.warehouse_id, entry.quantity);
      }
    }
  }
  result.linkedOrderIds = await linkWaitingOrderItems(tx, shop);
  return result;
}

async function seedStock(tx: Tx, accountId: string, skuId: string, warehouseId: string, quantity: number): Promise<number> {
  const onHand = Math.max(0, quantity);
  const [created] = await tx
    .insert(tables.inventoryLevels)
    .values({ accountId, skuId, warehouseId, onHand })
    .onConflictDoNothing({ target: [tables.inventoryLevels.skuId, tables.inventoryLevels.warehouseId] })
    .returning({ id: tables.inventoryLevels.id });
  if (!created) return 0;
  await tx.insert(tables.inventoryMovements).values({
    accountId,
    skuId,
    warehouseId,
    kind: 'sync',
    onHandDelta: onHand,
    reservedDelta: 0,
    onHandAfter: onHand,
    reservedAfter: 0,
    reason: 'Opening stock imported from TikTok Shop',
  });
  return 1;
}

/** Order items stored before their SKU was known get their sku_id now. */
async function linkWaitingOrderItems(tx: Tx, shop: { id: string; accountId: string }): Promise<string[]> {
  const i = tables.orderItems;
  const linked = await tx
    .update(i)
    .set({ skuId: sql`s.id` })
    .from(sql`public.skus s, public.orders o`)
    .where(
      and(
        eq(i.accountId, shop.accountId),
        isNull(i.skuId),
        sql`o.id = ${i.orderId} and o.shop_id = ${shop.id} and s.shop_id = ${shop.id} and s.tiktok_sku_id = ${i.tiktokSkuId}`,
      ),
    )
    .returning({ orderId: i.orderId });
  return [...new Set(linked.map((row) => row.orderId))];
}
