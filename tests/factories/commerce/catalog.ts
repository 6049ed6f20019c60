// Shops, products, SKUs and their stock.
import { tables } from '@/lib/db';
import { insertRow, run, token, type Insert, type Options, type ProductRow, type ShopRow, type SkuRow } from './support';

export function createShop(
  accountId: string,
  overrides: Insert<typeof tables.tiktokShops> = {},
  options?: Options,
): Promise<ShopRow> {
  const id = token();
  return insertRow(tables.tiktokShops, {
    accountId,
    shopId: `shop_${id}`,
    shopCipher: `cipher_${id}`,
    name: `Shop ${id}`,
    region: 'US',
    ...overrides,
  }, options);
}

export function createProduct(
  accountId: string,
  shopId: string,
  overrides: Insert<typeof tables.products> = {},
  options?: Options,
): Promise<ProductRow> {
  return insertRow(tables.products, { accountId, shopId, tiktokProductId: `prod_${token()}`, title: 'Glow Serum', ...overrides }, options);
}

export function createSku(
  accountId: string,
  product: Pick<ProductRow, 'id' | 'shopId'>,
  overrides: Insert<typeof tables.skus> = {},
  options?: Options,
): Promise<SkuRow> {
  const id = token();
  return insertRow(tables.skus, {
    accountId,
    shopId: product.shopId,
    productId: product.id,
    tiktokSkuId: `sku_${id}`,
    sellerSku: `SKU-${id.slice(0, 6).toUpperCase()}`,
    name: 'Default',
    priceCents: 2500,
    warehouseIds: ['WH-1'],
    ...overrides,
  }, options);
}

/** Sets (or creates) the stock of a SKU in one warehouse. */
export function setInventoryLevel(
  accountId: string,
  skuId: string,
  level: { warehouseId?: string; onHand: number; reserved?: number },
  options?: Options,
): Promise<typeof tables.inventoryLevels.$inferSelect> {
  return run(options, async (tx) => {
    const values = {
      accountId,
      skuId,
      warehouseId: level.warehouseId ?? 'WH-1',
      onHand: level.onHand,
      reserved: level.reserved ?? 0,
    };
    const [row] = await tx
      .insert(tables.inventoryLevels)
      .values(values)
      .onConflictDoUpdate({
        target: [tables.inventoryLevels.skuId, tables.inventoryLevels.warehouseId],
        set: { onHand: values.onHand, reserved: values.reserved, updatedAt: new Date() },
      })
      .returning();
    return row!;
  });
}

/** A shop, one product, one SKU and its stock: the usual starting point of a test. */
export async function createCatalogItem(
  accountId: string,
  input: {
    shop?: ShopRow;
    title?: string;
    sku?: Insert<typeof tables.skus>;
    onHand?: number;
    reserved?: number;
    warehouseId?: string;
  } = {},
): Promise<{ shop: ShopRow; product: ProductRow; sku: SkuRow }> {
  const shop = input.shop ?? (await createShop(accountId));
  const product = await createProduct(accountId, shop.id, input.title ? { title: input.title } : {});
  const sku = await createSku(accountId, product, input.sku);
  if (input.onHand !== undefined) {
    await setInventoryLevel(accountId, sku.id, {
      warehouseId: input.warehouseId,
      onHand: input.onHand,
      reserved: input.reserved,
    });
  }
  return { shop, product, sku };
}
