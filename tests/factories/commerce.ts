import { randomUUID } from 'node:crypto';
import { asSystem, tables, type Tx } from '@/lib/db';

/**
 * SQL factories for the commerce tables (shops, catalogue, stock, orders, shipments, tracking,
 * alerts, webhook events, audit entries). They write through the system path, as ingestion and the
 * pipeline do, so tests can then read back through withRls. Every factory takes overrides for any
 * column and returns the inserted row; pass `tx` to write inside a transaction you already hold.
 */
type Insert<T extends { $inferInsert: unknown }> = Partial<T['$inferInsert']>;
type Options = { tx?: Tx };

const run = <T>(options: Options | undefined, fn: (tx: Tx) => Promise<T>): Promise<T> =>
  options?.tx ? fn(options.tx) : asSystem(fn);
const token = () => randomUUID().replace(/-/g, '').slice(0, 12);

export type ShopRow = typeof tables.tiktokShops.$inferSelect;
export type ProductRow = typeof tables.products.$inferSelect;
export type SkuRow = typeof tables.skus.$inferSelect;
export type OrderRow = typeof tables.orders.$inferSelect;
export type OrderItemRow = typeof tables.orderItems.$inferSelect;
export type ShipmentRow = typeof tables.shipments.$inferSelect;

export function createShop(
  accountId: string,
  overrides: Insert<typeof tables.tiktokShops> = {},
  options?: Options,
): Promise<ShopRow> {
  return run(options, async (tx) => {
    const id = token();
    const [row] = await tx
      .insert(tables.tiktokShops)
      .values({
        accountId,
        shopId: `shop_${id}`,
        shopCipher: `cipher_${id}`,
        name: `Shop ${id}`,
        region: 'US',
        ...overrides,
      })
      .returning();
    return row!;
  });
}

export function createProduct(
  accountId: string,
  shopId: string,
  overrides: Insert<typeof tables.products> = {},
  options?: Options,
): Promise<ProductRow> {
  return run(options, async (tx) => {
    const [row] = await tx
      .insert(tables.products)
      .values({ accountId, shopId, tiktokProductId: `prod_${token()}`, title: 'Glow Serum', ...overrides })
      .returning();
    return row!;
  });
}

export function createSku(
  accountId: string,
  product: Pick<ProductRow, 'id' | 'shopId'>,
  overrides: Insert<typeof tables.skus> = {},
  options?: Options,
): Promise<SkuRow> {
  return run(options, async (tx) => {
    const id = token();
    const [row] = await tx
      .insert(tables.skus)
      .values({
        accountId,
        shopId: product.shopId,
        productId: product.id,
        tiktokSkuId: `sku_${id}`,
        sellerSku: `SKU-${id.slice(0, 6).toUpperCase()}`,
        name: 'Default',
        priceCents: 2500,
        warehouseIds: ['WH-1'],
        ...overrides,
      })
      .returning();
    return row!;
  });
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

export type OrderItemInput = {
  sku: Pick<SkuRow, 'id' | 'tiktokSkuId' | 'sellerSku' | 'name' | 'priceCents'>;
  productName?: string;
  tiktokProductId?: string;
  quantity?: number;
  unitPriceCents?: number;
};

/**
 * An order with its line items. Totals default to the items' sum, the placed time to now; any
 * column can be overridden (status, priority, paid/shipped times, viral_content_id, recipient…).
 */
export function createOrder(
  accountId: string,
  input: { shopId: string; items?: OrderItemInput[] } & Insert<typeof tables.orders>,
  options?: Options,
): Promise<OrderRow & { items: OrderItemRow[] }> {
  return run(options, async (tx) => {
    const { items = [], ...columns } = input;
    const subtotal = items.reduce(
      (sum, item) => sum + (item.unitPriceCents ?? item.sku.priceCents) * (item.quantity ?? 1),
      0,
    );
    const placed = columns.tiktokCreatedAt ?? new Date();
    const [order] = await tx
      .insert(tables.orders)
      .values({
        accountId,
        tiktokOrderId: `57${Date.now().toString().slice(-8)}${Math.floor(Math.random() * 1e6)}`,
        orderStatus: 'AWAITING_SHIPMENT',
        subtotalCents: subtotal,
        totalCents: subtotal,
        tiktokCreatedAt: placed,
        paidAt: placed,
        recipient: {
          name: 'Jamie Rivera',
          addressLine1: '500 Market St',
          city: 'San Francisco',
          state: 'CA',
          postalCode: '94105',
          country: 'US',
        },
        ...columns,
      })
      .returning();
    const inserted = items.length
      ? await tx
          .insert(tables.orderItems)
          .values(
            items.map((item) => ({
              accountId,
              orderId: order!.id,
              skuId: item.sku.id,
              tiktokSkuId: item.sku.tiktokSkuId,
              tiktokProductId: item.tiktokProductId ?? `prod_${item.sku.tiktokSkuId}`,
              sellerSku: item.sku.sellerSku,
              productName: item.productName ?? 'Glow Serum',
              skuName: item.sku.name,
              quantity: item.quantity ?? 1,
              unitPriceCents: item.unitPriceCents ?? item.sku.priceCents,
              lineItemIds: Array.from({ length: item.quantity ?? 1 }, () => `li_${token()}`),
            })),
          )
          .returning()
      : [];
    return { ...order!, items: inserted };
  });
}

export function createStatusHistory(
  accountId: string,
  orderId: string,
  overrides: Insert<typeof tables.orderStatusHistory> = {},
  options?: Options,
): Promise<typeof tables.orderStatusHistory.$inferSelect> {
  return run(options, async (tx) => {
    const [row] = await tx
      .insert(tables.orderStatusHistory)
      .values({
        accountId,
        orderId,
        source: 'system',
        fromWorkflowStatus: 'new',
        toWorkflowStatus: 'validated',
        ...overrides,
      })
      .returning();
    return row!;
  });
}

/** A purchased label by default (rate, tracking number, label URL); override status for others. */
export function createShipment(
  accountId: string,
  orderId: string,
  overrides: Insert<typeof tables.shipments> = {},
  options?: Options,
): Promise<ShipmentRow> {
  return run(options, async (tx) => {
    const ref = token();
    const [row] = await tx
      .insert(tables.shipments)
      .values({
        accountId,
        orderId,
        packageRef: `pkg_${ref}`,
        carrier: 'shippo',
        status: 'purchased',
        rateAmountCents: 612,
        currency: 'USD',
        provider: 'USPS',
        servicelevelName: 'Ground Advantage',
        servicelevelToken: 'usps_ground_advantage',
        estimatedDays: 3,
        transactionId: `txn_${ref}`,
        trackingNumber: `9400${Date.now().toString().slice(-10)}${Math.floor(Math.random() * 1e4)}`,
        trackingUrl: `https://tracking.example/${ref}`,
        labelUrl: `https://labels.example/${ref}.pdf`,
        trackingStatus: 'label_created',
        purchasedAt: new Date(),
        ...overrides,
      })
      .returning();
    return row!;
  });
}

export function createLabelDocument(
  accountId: string,
  shipmentId: string,
  input: { bytes?: Buffer; contentType?: string } = {},
  options?: Options,
): Promise<typeof tables.labelDocuments.$inferSelect> {
  return run(options, async (tx) => {
    const [row] = await tx
      .insert(tables.labelDocuments)
      .values({
        accountId,
        shipmentId,
        contentType: input.contentType ?? 'application/pdf',
        bytes: input.bytes ?? Buffer.from('%PDF-1.4 test label'),
      })
      .returning();
    return row!;
  });
}

export function createTrackingEvent(
  accountId: string,
  shipment: Pick<ShipmentRow, 'id' | 'carrier' | 'trackingNumber'>,
  overrides: Insert<typeof tables.trackingEvents> = {},
  options?: Options,
): Promise<typeof tables.trackingEvents.$inferSelect> {
  return run(options, async (tx) => {
    const [row] = await tx
      .insert(tables.trackingEvents)
      .values({
        accountId,
        shipmentId: shipment.id,
        carrier: shipment.carrier,
        trackingNumber: shipment.trackingNumber ?? 'unknown',
        status: 'in_transit',
        description: 'Departed facility',
        location: { city: 'Oakland', state: 'CA' },
        occurredAt: new Date(),
        dedupeKey: token(),
        ...overrides,
      })
      .returning();
    return row!;
  });
}

export function createAlert(
  accountId: string,
  overrides: Insert<typeof tables.alerts> = {},
  options?: Options,
): Promise<typeof tables.alerts.$inferSelect> {
  return run(options, async (tx) => {
    const [row] = await tx
      .insert(tables.alerts)
      .values({
        accountId,
        kind: 'low_stock',
        severity: 'warning',
        title: 'Stock is running low',
        dedupeKey: token(),
        ...overrides,
      })
      .returning();
    return row!;
  });
}

/** A stored inbound webhook; accountId null models an event no tenant could be matched to. */
export function createWebhookEvent(
  accountId: string | null,
  overrides: Insert<typeof tables.webhookEvents> = {},
  options?: Options,
): Promise<typeof tables.webhookEvents.$inferSelect> {
  return run(options, async (tx) => {
    const [row] = await tx
      .insert(tables.webhookEvents)
      .values({
        accountId,
        provider: 'tiktok',
        providerEventId: `evt_${token()}`,
        eventType: 'ORDER_STATUS_CHANGE',
        payload: { type: 1, data: { order_id: token() } },
        status: 'processed',
        attempts: 1,
        processedAt: new Date(),
        processingMs: 12,
        ...overrides,
      })
      .returning();
    return row!;
  });
}

export function createAuditEntry(
  accountId: string,
  overrides: Insert<typeof tables.auditLog> = {},
  options?: Options,
): Promise<typeof tables.auditLog.$inferSelect> {
  return run(options, async (tx) => {
    const [row] = await tx
      .insert(tables.auditLog)
      .values({
        accountId,
        actorType: 'system',
        action: 'order.status_changed',
        entityType: 'order',
        ...overrides,
      })
      .returning();
    return row!;
  });
}
