import 'server-only';
import { trackOrderGenerated } from '@/lib/analytics';
import type { IngestedOrderRef, IngestSource } from '@/lib/orders/ingest';

/** `order_generated` for each order stored for the first time; call after the ingesting transaction committed. */
export function reportCreatedOrders(
  shop: { id: string; accountId: string },
  created: readonly IngestedOrderRef[],
  source: IngestSource,
): void {
  for (const { orderId, snapshot } of created) {
    trackOrderGenerated({
      accountId: shop.accountId,
      orderId,
      shopId: shop.id,
      itemCount: snapshot.items.length,
      unitCount: snapshot.items.reduce((sum, item) => sum + item.quantity, 0),
      orderValueCents: snapshot.totalCents,
      currency: snapshot.currency,
      priority: 'AUTO',
      source,
    });
  }
}
