// Orders with their line items, and status history.
import { tables } from '@/lib/db';
import { insertRow, run, token, type Insert, type Options, type OrderItemRow, type OrderRow, type SkuRow } from './support';

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
  return insertRow(tables.orderStatusHistory, {
    accountId,
    orderId,
    source: 'system',
    fromWorkflowStatus: 'new',
    toWorkflowStatus: 'validated',
    ...overrides,
  }, options);
}

