// Public surface of the TikTok Shop integration. Other domains import from '@/lib/tiktok' only.
export { createTikTokClient, type ForShopInput, type TikTokClient } from './client';
export type {
  InventorySkuError,
  InventoryUpdateSku,
  OrderSearchFilters,
  Page,
  SearchOrdersInput,
  PackageShipment,
  SearchProductsInput,
  SelfShipment,
  ShipPackageResult,
  TikTokShopApi,
} from './shop-api';
export type {
  BreakerConfig,
  CircuitStateName,
  RateLimitConfig,
  RetryConfig,
  TikTokClientConfig,
  TikTokClientEvent,
  TokenSet,
  TokenStore,
} from './types';
export { getCircuitStates, resetCircuitBreakers } from './circuit-breakers';
export {
  TikTokApiError,
  TIKTOK_ERROR_KINDS,
  isTikTokApiError,
  kindFromCode,
  type TikTokErrorKind,
} from './errors';
export { signRequest, computeWebhookSignature, verifyWebhookSignature, type SignRequestInput } from './sign';
export {
  parseWebhookBody,
  parseWebhookEvent,
  parseWebhookJson,
  type ParseWebhookResult,
} from './parse-webhook-body';
export {
  TOPIC_BY_TYPE,
  webhookDataSchemas,
  webhookEnvelopeSchema,
  type TikTokWebhookEvent,
} from './webhook-schemas';
export {
  ORDER_STATUS,
  ORDER_STATUSES,
  PRODUCT_STATUSES,
  WEBHOOK_TYPE,
  MAX_ORDER_IDS_PER_DETAIL_CALL,
  MAX_PACKAGES_PER_SHIP_CALL,
  MAX_PAGE_SIZE,
  type TikTokOrderStatus,
  type TikTokProductStatus,
  type TikTokWebhookTopic,
} from './constants';
export {
  authorizedShopSchema,
  envelopeSchema,
  productSchema,
  shippingProviderSchema,
  tokenResponseSchema,
  warehouseSchema,
  type TikTokAuthorizedShop,
  type TikTokProduct,
  type TikTokProductSku,
  type TikTokShippingProvider,
  type TikTokTokenResponse,
  type TikTokWarehouse,
} from './schemas';
export { orderSchema, orderStatusSchema, type TikTokOrder, type TikTokOrderLineItem } from './order-schema';
