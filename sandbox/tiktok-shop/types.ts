// In-memory model of the simulated TikTok Shop platform. Field names mirror TikTok's where they leave the
// simulator; amounts are integer cents internally and become strings on the wire.

export type OrderStatus =
  | 'UNPAID'
  | 'ON_HOLD'
  | 'AWAITING_SHIPMENT'
  | 'PARTIALLY_SHIPPING'
  | 'AWAITING_COLLECTION'
  | 'IN_TRANSIT'
  | 'DELIVERED'
  | 'COMPLETED'
  | 'CANCELLED';

export type ProductStatus =
  | 'DRAFT'
  | 'PENDING'
  | 'FAILED'
  | 'ACTIVATE'
  | 'SELLER_DEACTIVATED'
  | 'PLATFORM_DEACTIVATED'
  | 'FREEZE'
  | 'DELETED';
export type StockStatus = 'SUFFICIENT_STOCK' | 'LOW_STOCK' | 'OUT_OF_STOCK';

export interface SimSeller {
  openId: string;
  name: string;
  region: string;
  shopIds: string[];
}

export interface SimWarehouse {
  id: string;
  name: string;
  isDefault: boolean;
}

export interface SimDeliveryOption {
  id: string;
  name: string;
  providerIds: string[];
}

export interface SimShop {
  id: string;
  name: string;
  region: string;
  sellerType: 'LOCAL' | 'CROSS_BORDER';
  cipher: string;
  code: string;
  sellerOpenId: string;
  warehouses: SimWarehouse[];
  deliveryOptions: SimDeliveryOption[];
  /** True once the seller consented (and until deauthorized); webhooks flow only for authorized shops. */
  authorized: boolean;
}

export interface SimSku {
  id: string;
  sellerSku: string;
  name: string;
  priceCents: number;
  originalPriceCents: number;
  /** warehouse id → available quantity; the keys are the SKU's assigned warehouses. */
  inventory: Map<string, number>;
  stockStatus: StockStatus;
}

export interface SimProduct {
  id: string;
  shopId: string;
  title: string;
  status: ProductStatus;
  createTime: number;
  updateTime: number;
  skus: SimSku[];
}

export interface SimBuyer {
  userId: string;
  firstName: string;
  lastName: string;
  phone: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  county: string;
  state: string;
  stateCode: string;
  postalCode: string;
}

/** One unit of one SKU (TikTok has no quantity field); product data is a snapshot taken at order time. */
export interface SimLineItem {
  id: string;
  productId: string;
  skuId: string;
  productName: string;
  skuName: string;
  sellerSku: string;
  salePriceCents: number;
  originalPriceCents: number;
}

export interface SimOrder {
  id: string;
  shopId: string;
  status: OrderStatus;
  createTime: number;
  updateTime: number;
  paidTime: number;
  buyer: SimBuyer;
  buyerMessage: string;
  lineItems: SimLineItem[];
  packageId: string;
  warehouseId: string;
  deliveryOptionId: string;
  shippingFeeCents: number;
  tracking?: { number: string; providerId: string; providerName: string; shippedAt: number };
  collectionTime?: number;
  deliveryTime?: number;
  cancel?: { time: number; reason: string; initiator: 'BUYER' | 'SELLER' | 'SYSTEM' };
}

export interface SimAccessToken {
  openId: string;
  expiresAt: number;
}

export interface SimRefreshToken {
  openId: string;
  expiresAt: number;
}

export interface SimAuthCode {
  openId: string;
  expiresAt: number;
  used: boolean;
}

export interface TrackingPush {
  /** Simulator clock (Unix seconds, may be virtual). */
  at: number;
  /** Wall clock (ms) when the simulator accepted it: what the pipeline benchmark times to. */
  acceptedAtMs: number;
  kind: 'ship' | 'update';
  shopId: string;
  orderId: string;
  packageId: string;
  trackingNumber: string;
  shippingProviderId: string;
}

export interface InventoryUpdateRecord {
  at: number;
  shopId: string;
  productId: string;
  skus: { id: string; inventory: { warehouse_id?: string; quantity: number }[] }[];
  rejectedSkus: number;
}

export interface SimState {
  sellers: Map<string, SimSeller>;
  shops: Map<string, SimShop>;
  products: Map<string, SimProduct>;
  orders: Map<string, SimOrder>;
  /** package id → order id */
  packages: Map<string, string>;
  /** `${shopId}|${trackingNumber}` → order id, for the duplicate-tracking rule. */
  trackingNumbers: Map<string, string>;
  shippingProviders: Map<string, string>;
  authCodes: Map<string, SimAuthCode>;
  accessTokens: Map<string, SimAccessToken>;
  refreshTokens: Map<string, SimRefreshToken>;
  /** open id → authorization expiry (refresh_token_expire_in), Unix seconds. */
  grantExpiresAt: Map<string, number>;
  trackingPushes: TrackingPush[];
  inventoryUpdates: InventoryUpdateRecord[];
  tokenRefreshes: number;
}
