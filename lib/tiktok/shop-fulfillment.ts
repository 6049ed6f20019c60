// Logistics look-ups and tracking pushes for seller-shipped packages (spec §7).
import { callShopApi, type ShopCallContext } from './call-shop-api';
import { pathId } from './request-helpers';
import {
  emptyDataSchema,
  shippingProvidersDataSchema,
  warehousesDataSchema,
  type TikTokShippingProvider,
  type TikTokWarehouse,
} from './schemas';

export interface SelfShipment {
  trackingNumber: string;
  shippingProviderId: string;
}

export function fulfillmentCalls(ctx: ShopCallContext) {
  return {
    async getWarehouses(): Promise<TikTokWarehouse[]> {
      const path = '/logistics/202309/warehouses';
      const data = await callShopApi(
        ctx,
        { method: 'GET', path, endpoint: `GET ${path}`, withShopCipher: true },
        warehousesDataSchema,
      );
      return data.warehouses;
    },

    /** Carriers allowed for a delivery option (use the order's own `delivery_option_id`). */
    async getShippingProviders(deliveryOptionId: string): Promise<TikTokShippingProvider[]> {
      const id = pathId('delivery option id', deliveryOptionId);
      const path = `/logistics/202309/delivery_options/${id}/shipping_providers`;
      const endpoint = 'GET /logistics/202309/delivery_options/{delivery_option_id}/shipping_providers';
      const data = await callShopApi(
        ctx,
        { method: 'GET', path, endpoint, withShopCipher: true },
        shippingProvidersDataSchema,
      );
      return data.shipping_providers;
    },

    /**
     * Pushes our tracking number for a seller-shipped package (order → AWAITING_COLLECTION). Not idempotent
     * on TikTok's side: a replay after a lost response fails with ALREADY_SHIPPED, which callers treat as done.
     */
    async shipPackage(packageId: string, shipment: SelfShipment): Promise<void> {
      const path = `/fulfillment/202309/packages/${pathId('package id', packageId)}/ship`;
      const endpoint = 'POST /fulfillment/202309/packages/{package_id}/ship';
      const body = {
        self_shipment: {
          tracking_number: shipment.trackingNumber,
          shipping_provider_id: shipment.shippingProviderId,
        },
      };
      await callShopApi(ctx, { method: 'POST', path, endpoint, withShopCipher: true, body }, emptyDataSchema);
    },

    /** Corrects tracking, allowed only within 72 h of shipping (spec §7.3). */
    async updateShippingInfo(orderId: string, shipment: SelfShipment): Promise<void> {
      const path = `/fulfillment/202309/orders/${pathId('order id', orderId)}/shipping_info/update`;
      const endpoint = 'POST /fulfillment/202309/orders/{order_id}/shipping_info/update';
      const body = {
        tracking_number: shipment.trackingNumber,
        shipping_provider_id: shipment.shippingProviderId,
      };
      await callShopApi(ctx, { method: 'POST', path, endpoint, withShopCipher: true, body }, emptyDataSchema);
    },
  };
}
