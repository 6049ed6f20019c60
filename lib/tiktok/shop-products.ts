// Product reads and absolute inventory writes (spec §8).
import type { TikTokProductStatus } from './constants';
import { callShopApi, type ShopCallContext } from './call-shop-api';
import { kindFromCode, type TikTokErrorKind } from './errors';
import { pageQuery, pathId, toUnixSeconds, type Page, type PageRequest } from './request-helpers';
import {
  inventoryUpdateDataSchema,
  productSearchDataSchema,
  type TikTokProduct,
  type TikTokWarehouseQuantity,
} from './schemas';

export interface SearchProductsInput extends PageRequest {
  status?: TikTokProductStatus | 'ALL';
  sellerSkus?: string[];
  updateTimeGe?: Date;
  updateTimeLe?: Date;
}

export interface InventoryUpdateSku {
  id: string;
  /** Every warehouse assigned to the SKU must be listed (spec §8.2). */
  inventory: TikTokWarehouseQuantity[];
}

export interface InventorySkuError {
  skuId: string | undefined;
  kind: TikTokErrorKind;
  code: number;
  message: string;
  warehouses: { warehouseId: string | undefined; code: number; message: string }[];
}

export function productCalls(ctx: ShopCallContext) {
  return {
    async searchProducts(input: SearchProductsInput = {}): Promise<Page<TikTokProduct>> {
      const path = '/product/202309/products/search';
      const body = {
        status: input.status,
        seller_skus: input.sellerSkus,
        update_time_ge: toUnixSeconds(input.updateTimeGe),
        update_time_le: toUnixSeconds(input.updateTimeLe),
      };
      const data = await callShopApi(
        ctx,
        {
          method: 'POST',
          path,
          endpoint: `POST ${path}`,
          withShopCipher: true,
          query: pageQuery(input),
          body,
        },
        productSearchDataSchema,
      );
      return {
        items: data.products,
        nextPageToken: data.next_page_token || undefined,
        totalCount: data.total_count ?? data.products.length,
      };
    },

    /**
     * Sets absolute stock per SKU and warehouse. TikTok applies the valid SKUs and reports the others with
     * `code 0` overall, so this resolves with the refused SKUs (empty when everything applied).
     */
    async updateInventory(
      productId: string,
      skus: readonly InventoryUpdateSku[],
    ): Promise<{ errors: InventorySkuError[] }> {
      const path = `/product/202309/products/${pathId('product id', productId)}/inventory/update`;
      const endpoint = 'POST /product/202309/products/{product_id}/inventory/update';
      const data = await callShopApi(
        ctx,
        { method: 'POST', path, endpoint, withShopCipher: true, body: { skus } },
        inventoryUpdateDataSchema,
      );
      return {
        errors: data.errors.map((error) => {
          const extra = error.detail?.extra_errors ?? [];
          return {
            skuId: error.detail?.sku_id,
            kind: kindFromCode(extra[0]?.code ?? error.code, 200, error.message),
            code: error.code,
            message: error.message,
            warehouses: extra.map((e) => ({ warehouseId: e.warehouse_id, code: e.code, message: e.message })),
          };
        }),
      };
    },
  };
}
