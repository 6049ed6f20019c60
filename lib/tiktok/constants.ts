// Protocol constants of the TikTok Shop Open API 202309 (shared/specs/tiktok-shop-api.md §6.3, §9.4).

/** `order.status` values of the 202309 order API, in lifecycle order. */
export const ORDER_STATUSES = [
  'UNPAID',
  'ON_HOLD',
  'AWAITING_SHIPMENT',
  'PARTIALLY_SHIPPING',
  'AWAITING_COLLECTION',
  'IN_TRANSIT',
  'DELIVERED',
  'COMPLETED',
  'CANCELLED',
] as const;
export type TikTokOrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_STATUS = Object.fromEntries(ORDER_STATUSES.map((s) => [s, s])) as {
  readonly [K in TikTokOrderStatus]: K;
};

/** Webhook topic ids (`type`) this client parses into typed events. Other ids parse as UNKNOWN. */
export const WEBHOOK_TYPE = {
  ORDER_STATUS_CHANGE: 1,
  RECIPIENT_ADDRESS_UPDATE: 3,
  PACKAGE_UPDATE: 4,
  PRODUCT_STATUS_CHANGE: 5,
  SELLER_DEAUTHORIZATION: 6,
  UPCOMING_AUTHORIZATION_EXPIRATION: 7,
  CANCELLATION_STATUS_CHANGE: 11,
  RETURN_STATUS_CHANGE: 12,
  PRODUCT_INFORMATION_CHANGE: 15,
  PRODUCT_CREATION: 16,
  INVENTORY_STATUS_CHANGE: 27,
} as const;
export type TikTokWebhookTopic = keyof typeof WEBHOOK_TYPE;

export const PRODUCT_STATUSES = [
  'DRAFT',
  'PENDING',
  'FAILED',
  'ACTIVATE',
  'SELLER_DEACTIVATED',
  'PLATFORM_DEACTIVATED',
  'FREEZE',
  'DELETED',
] as const;
export type TikTokProductStatus = (typeof PRODUCT_STATUSES)[number];

/** Hard limits of the API that callers must respect (they batch, we refuse). */
export const MAX_ORDER_IDS_PER_DETAIL_CALL = 50;
export const MAX_PAGE_SIZE = 100;
/** Batch Ship Packages: the docs name no cap, so we send at most this many per call (the simulator refuses more). */
export const MAX_PACKAGES_PER_SHIP_CALL = 50;
