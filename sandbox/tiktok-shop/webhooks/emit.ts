// Publishes a notification for a shop. Like TikTok, only shops that authorized the app get webhooks;
// the deauthorization notice itself (type 6) is the last one a shop sends.
import type { Sim } from '../sim';

export const TYPE = {
  ORDER_STATUS_CHANGE: 1,
  PRODUCT_STATUS_CHANGE: 5,
  SELLER_DEAUTHORIZATION: 6,
  UPCOMING_AUTHORIZATION_EXPIRATION: 7,
  CANCELLATION_STATUS_CHANGE: 11,
  PRODUCT_INFORMATION_CHANGE: 15,
  PRODUCT_CREATION: 16,
  INVENTORY_STATUS_CHANGE: 27,
} as const;

export function emitWebhook(sim: Sim, shopId: string, type: number, data: Record<string, unknown>): void {
  const shop = sim.state.shops.get(shopId);
  if (!shop?.authorized && type !== TYPE.SELLER_DEAUTHORIZATION) {
    sim.skippedWebhooks += 1;
    return;
  }
  sim.webhooks.publish(type, shopId, data);
}
