// The shop-scoped API returned by client.forShop(): every call is signed with the shop's token and
// cipher and runs through the shop's limiter, breaker and retry policy (call-shop-api.ts).
import { callShopApi, type ShopCallContext } from './call-shop-api';
import { authorizedShopsDataSchema, type TikTokAuthorizedShop } from './schemas';
import { fulfillmentCalls } from './shop-fulfillment';
import { orderCalls } from './shop-orders';
import { productCalls } from './shop-products';

export type { Page, PageRequest } from './request-helpers';
export type { OrderSearchFilters, SearchOrdersInput } from './shop-orders';
export type { InventorySkuError, InventoryUpdateSku, SearchProductsInput } from './shop-products';
export type { PackageShipment, SelfShipment, ShipPackageResult } from './shop-fulfillment';

export function createShopApi(ctx: ShopCallContext) {
  return {
    shopId: ctx.shopId,

    /** Shops this token may act for; /authorization/* refuses shop_cipher. */
    async getAuthorizedShops(): Promise<TikTokAuthorizedShop[]> {
      const path = '/authorization/202309/shops';
      const data = await callShopApi(
        ctx,
        { method: 'GET', path, endpoint: `GET ${path}`, withShopCipher: false },
        authorizedShopsDataSchema,
      );
      return data.shops;
    },
    ...orderCalls(ctx),
    ...productCalls(ctx),
    ...fulfillmentCalls(ctx),
  };
}

export type TikTokShopApi = ReturnType<typeof createShopApi>;
