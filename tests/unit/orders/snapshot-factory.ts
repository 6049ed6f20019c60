import type { OrderRow, OrderSnapshot, SnapshotItem, SnapshotShipment } from '@/lib/orders/workflow/snapshot';

/** A plausible order snapshot for pure workflow tests; override what the test is about. */
export function snapshot(overrides: { order?: Partial<OrderRow>; items?: SnapshotItem[]; shipment?: Partial<SnapshotShipment> | null } = {}): OrderSnapshot {
  const now = new Date('2026-11-23T12:00:00Z');
  const order: OrderRow = {
    id: '00000000-0000-4000-8000-000000000001', accountId: '00000000-0000-4000-8000-0000000000aa', shopId: '00000000-0000-4000-8000-0000000000bb',
    tiktokOrderId: '576000000000000001', orderStatus: 'AWAITING_SHIPMENT', workflowStatus: 'new', priority: 'AUTO', impactScore: 0,
    estimatedVelocity: 0, processingQueue: 'standard', viralContentId: null, backordered: false, onHoldForReview: false, holdReason: null,
    skipAutoLabel: false, serviceLevel: 'standard', tags: [], currency: 'USD', subtotalCents: 1999, shippingFeeCents: 0, taxCents: 0, totalCents: 1999,
    buyerEmail: 'buyer@example.com', buyerMessage: null,
    recipient: { name: 'Jane Doe', addressLine1: '965 Mission St', city: 'San Francisco', state: 'CA', postalCode: '94103', country: 'US' },
    packageId: 'pkg-1', deliveryOptionId: 'do-1', warehouseId: 'wh-1', tiktokCreatedAt: now, tiktokUpdateTime: 1, paidAt: now,
    dispatchDeadline: new Date(now.getTime() + 48 * 3_600_000), trackingNumber: null, shippingProvider: null, trackingPushedAt: null,
    cancelledAt: null, shippedAt: null, deliveredAt: null, completedAt: null, lastError: null, createdAt: now, updatedAt: now,
    ...overrides.order,
  };
  const items = overrides.items ?? [
    { skuId: '00000000-0000-4000-8000-0000000000cc', tiktokSkuId: 'sku-1', tiktokProductId: 'prod-1', sellerSku: 'MUG-BLK', productName: 'Mug', quantity: 1, unitPriceCents: 1999, weightGrams: 400 },
  ];
  const shipment =
    overrides.shipment === null || overrides.shipment === undefined
      ? null
      : {
          id: '00000000-0000-4000-8000-0000000000dd', status: 'pending' as const, carrier: 'shippo' as const, trackingNumber: null, trackingUrl: null,
          provider: null, servicelevelName: null, trackingStatus: 'unknown', trackingStatusRank: 0, ...overrides.shipment,
        };
  return { order, items, shipment };
}
