import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { asSystem, tables } from '@/lib/db';
import type { Recipient, TikTokOrderStatus } from '@/lib/db/schema/orders';

// Rows for pipeline tests, written the way ingestion and product sync write them. Each helper
// returns the ids a test needs; everything is scoped to the given account.

export const RECIPIENT: Recipient = {
  name: 'Jane Buyer', phone: '(+1)415-***-1234', addressLine1: '965 Mission St', city: 'San Francisco', state: 'CA', postalCode: '94103', country: 'US',
};

let sequence = 0;
const next = () => `${Date.now()}${(sequence += 1).toString().padStart(5, '0')}`;

export async function createShop(accountId: string, name = 'Test Shop'): Promise<{ shopId: string; tiktokShopId: string }> {
  const tiktokShopId = `shop-${next()}`;
  const [shop] = await asSystem((tx) =>
    tx.insert(tables.tiktokShops).values({ accountId, shopId: tiktokShopId, shopCipher: `cipher-${tiktokShopId}`, name }).returning({ id: tables.tiktokShops.id }),
  );
  return { shopId: shop!.id, tiktokShopId };
}

export type TestSku = { skuId: string; productId: string; tiktokSkuId: string; tiktokProductId: string; sellerSku: string };

export async function createSku(
  accountId: string,
  shopId: string,
  options: { onHand?: number; warehouseId?: string; lowStockThreshold?: number; weightGrams?: number; tiktokProductId?: string } = {},
): Promise<TestSku> {
  const id = next();
  const tiktokProductId = options.tiktokProductId ?? `prod-${id}`;
  const sellerSku = `SKU-${id}`;
  return asSystem(async (tx) => {
    await tx.insert(tables.products).values({ accountId, shopId, tiktokProductId, title: `Product ${id}` }).onConflictDoNothing();
    const [product] = await tx.select({ id: tables.products.id }).from(tables.products).where(sql`shop_id = ${shopId} and tiktok_product_id = ${tiktokProductId}`);
    const [sku] = await tx
      .insert(tables.skus)
      .values({
        accountId, shopId, productId: product!.id, tiktokSkuId: `sku-${id}`, sellerSku, name: 'Default', priceCents: 1999,
        weightGrams: options.weightGrams ?? 400, lowStockThreshold: options.lowStockThreshold ?? 0, warehouseIds: [options.warehouseId ?? 'wh-1'],
      })
      .returning({ id: tables.skus.id });
    if (options.onHand !== undefined) {
      await tx.insert(tables.inventoryLevels).values({ accountId, skuId: sku!.id, warehouseId: options.warehouseId ?? 'wh-1', onHand: options.onHand });
    }
    return { skuId: sku!.id, productId: product!.id, tiktokSkuId: `sku-${id}`, tiktokProductId, sellerSku };
  });
}

export async function createOrder(
  accountId: string,
  shopId: string,
  options: {
    lines: { sku: TestSku; quantity: number }[];
    orderStatus?: TikTokOrderStatus;
    createdAt?: Date;
    recipient?: Recipient | null;
    totalCents?: number;
    buyerEmail?: string | null;
    workflowStatus?: typeof tables.orders.$inferInsert.workflowStatus;
  },
): Promise<string> {
  const createdAt = options.createdAt ?? new Date();
  const tiktokOrderId = `5760${next()}`;
  return asSystem(async (tx) => {
    const [order] = await tx
      .insert(tables.orders)
      .values({
        accountId, shopId, tiktokOrderId, orderStatus: options.orderStatus ?? 'AWAITING_SHIPMENT', workflowStatus: options.workflowStatus ?? 'new',
        totalCents: options.totalCents ?? 1999, subtotalCents: options.totalCents ?? 1999,
        recipient: options.recipient === undefined ? RECIPIENT : options.recipient, buyerEmail: options.buyerEmail === undefined ? 'buyer@example.com' : options.buyerEmail,
        packageId: `pkg-${randomUUID()}`, warehouseId: 'wh-1', tiktokCreatedAt: createdAt, paidAt: createdAt, createdAt, updatedAt: createdAt,
        dispatchDeadline: new Date(createdAt.getTime() + 48 * 3_600_000),
      })
      .returning({ id: tables.orders.id });
    await tx.insert(tables.orderItems).values(
      options.lines.map(({ sku, quantity }) => ({
        accountId, orderId: order!.id, skuId: sku.skuId, tiktokSkuId: sku.tiktokSkuId, tiktokProductId: sku.tiktokProductId,
        sellerSku: sku.sellerSku, productName: 'Test product', quantity, unitPriceCents: 1999,
      })),
    );
    return order!.id;
  });
}

export async function orderRow(orderId: string) {
  const [row] = await asSystem((tx) => tx.select().from(tables.orders).where(sql`id = ${orderId}`));
  return row!;
}

export async function historyOf(orderId: string) {
  return asSystem((tx) =>
    tx.select().from(tables.orderStatusHistory).where(sql`order_id = ${orderId}`).orderBy(tables.orderStatusHistory.createdAt),
  );
}

/** Jobs waiting in pg-boss (the queue schema is the default one in tests). */
export async function queuedJobs(name: string, filter?: Record<string, string>) {
  const result = await asSystem((tx) =>
    tx.execute<{ data: Record<string, unknown>; priority: number; state: string }>(sql`
      select data, priority, state from pgboss.job where name = ${name}
      ${filter ? sql`and data @> ${JSON.stringify(filter)}::jsonb` : sql``}`),
  );
  return result.rows;
}

/**
 * Drops every job still waiting or running in this worker's queue. Test files share a database
 * per Jest worker: without this, jobs a file left behind (a label to buy for an order of its own)
 * would be run by the next file's workers against that file's simulators.
 */
export async function purgeQueuedJobs(): Promise<void> {
  await asSystem((tx) =>
    tx.execute(sql`do $$ begin
      if to_regclass('pgboss.job') is not null then delete from pgboss.job where state in ('created', 'retry', 'active'); end if;
    end $$`),
  );
}
