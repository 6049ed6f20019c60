// zod schemas for the TikTok Shop API responses this app reads (spec §2, §4, §7, §8).
// Objects strip unknown fields, so new TikTok fields never break parsing; IDs and money stay strings.
import { z } from 'zod';

import { PRODUCT_STATUSES } from './constants';

export { orderSchema, orderStatusSchema, type TikTokOrder, type TikTokOrderLineItem } from './order-schema';

const id = z.string().min(1);
const unixSeconds = z.number().int();

/** Every API and auth-host answer: success iff `code === 0`; on errors `data` is null or absent. */
export const envelopeSchema = z.object({
  code: z.number().int(),
  message: z.string().default(''),
  request_id: z.string().optional(),
  data: z.unknown().optional(),
});
export type TikTokEnvelope = z.infer<typeof envelopeSchema>;

/** `/api/v2/token/get` and `/api/v2/token/refresh`. Both `*_expire_in` are ABSOLUTE Unix seconds. */
export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  access_token_expire_in: unixSeconds,
  refresh_token: z.string().min(1),
  refresh_token_expire_in: unixSeconds,
  open_id: z.string(),
  seller_name: z.string().default(''),
  seller_base_region: z.string().optional(),
  user_type: z.number().int().optional(),
  granted_scopes: z.array(z.string()).default([]),
});
export type TikTokTokenResponse = z.infer<typeof tokenResponseSchema>;

export const authorizedShopSchema = z.object({
  id,
  name: z.string(),
  region: z.string(),
  seller_type: z.string(),
  /** Pass as `shop_cipher` on shop-scoped calls; webhooks carry `id`, never the cipher. */
  cipher: z.string().min(1),
  code: z.string().optional(),
});
export type TikTokAuthorizedShop = z.infer<typeof authorizedShopSchema>;
export const authorizedShopsDataSchema = z.object({ shops: z.array(authorizedShopSchema).default([]) });

export const warehouseSchema = z.object({
  id,
  name: z.string(),
  is_default: z.boolean().optional(),
  effect_status: z.string().optional(),
  type: z.string().optional(),
  sub_type: z.string().optional(),
});
export type TikTokWarehouse = z.infer<typeof warehouseSchema>;
export const warehousesDataSchema = z.object({ warehouses: z.array(warehouseSchema).default([]) });

export const shippingProviderSchema = z.object({ id, name: z.string() });
export type TikTokShippingProvider = z.infer<typeof shippingProviderSchema>;
export const shippingProvidersDataSchema = z.object({
  shipping_providers: z.array(shippingProviderSchema).default([]),
});

export const warehouseQuantitySchema = z.object({ warehouse_id: id, quantity: z.number().int() });
export type TikTokWarehouseQuantity = z.infer<typeof warehouseQuantitySchema>;

export const productSkuSchema = z.object({
  id,
  seller_sku: z.string().optional(),
  price: z
    .object({
      currency: z.string(),
      sale_price: z.string().optional(),
      tax_exclusive_price: z.string().optional(),
    })
    .optional(),
  inventory: z.array(warehouseQuantitySchema).default([]),
});
export type TikTokProductSku = z.infer<typeof productSkuSchema>;

export const productSchema = z.object({
  id,
  title: z.string(),
  status: z.enum(PRODUCT_STATUSES),
  create_time: unixSeconds.optional(),
  update_time: unixSeconds.optional(),
  sales_regions: z.array(z.string()).optional(),
  skus: z.array(productSkuSchema).default([]),
});
export type TikTokProduct = z.infer<typeof productSchema>;
export const productSearchDataSchema = z.object({
  products: z.array(productSchema).default([]),
  next_page_token: z.string().optional(),
  total_count: z.number().int().optional(),
});

/** Per-SKU failure inside a successful (`code 0`) inventory update (spec §8.2). */
export const inventoryUpdateErrorSchema = z.object({
  code: z.number().int(),
  message: z.string().default(''),
  detail: z
    .object({
      sku_id: z.string().optional(),
      extra_errors: z
        .array(
          z.object({
            warehouse_id: z.string().optional(),
            code: z.number().int(),
            message: z.string().default(''),
          }),
        )
        .default([]),
    })
    .optional(),
});
export const inventoryUpdateDataSchema = z.object({
  errors: z.array(inventoryUpdateErrorSchema).default([]),
});

/** Per-package refusal inside a successful (`code 0`) Batch Ship Packages answer (spec §4.1, §7.2). */
export const shipPackagesDataSchema = z.object({
  errors: z
    .array(
      z.object({
        code: z.number().int(),
        message: z.string().default(''),
        detail: z.object({ package_id: z.string().optional() }).optional(),
      }),
    )
    .default([]),
});

/** Ship and shipping-info updates answer `data: {}`; tolerate null or absent as well. */
export const emptyDataSchema = z.unknown();
