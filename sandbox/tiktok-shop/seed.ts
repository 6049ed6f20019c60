// Builds the simulator's initial state. Everything here is deterministic: the same options give the same
// sellers, shops, ciphers, warehouses, products, SKU ids and stock (documented in README.md).
import { SEED_CATALOG, SHIPPING_PROVIDERS, type CatalogProduct } from './catalog';
import type { SimProduct, SimShop, SimState, StockStatus } from './types';

export interface SellerSeed {
  name: string;
  region?: string;
  /** How many shops this seller owns (each gets the seed catalog). Default 1. */
  shops?: number;
}

export const DEMO_SELLER: SellerSeed = { name: 'CreatorFlow Demo Seller', region: 'US', shops: 1 };
export const DEMO_SHOP_ID = '7495540735365777507';
const SEED_TIME = 1735689600; // 2025-01-01T00:00:00Z

const pad = (value: number, width: number) => String(value).padStart(width, '0');

export function stockStatusOf(available: number, lowStockThreshold: number): StockStatus {
  if (available <= 0) return 'OUT_OF_STOCK';
  return available <= lowStockThreshold ? 'LOW_STOCK' : 'SUFFICIENT_STOCK';
}

function seedShop(shopIndex: number, sellerOpenId: string, sellerName: string, region: string): SimShop {
  const suffix = pad(shopIndex, 2);
  return {
    id: shopIndex === 0 ? DEMO_SHOP_ID : `74955407353657776${suffix}`,
    name: shopIndex === 0 ? 'CreatorFlow Demo Shop' : `${sellerName} Shop ${suffix}`,
    region,
    sellerType: 'LOCAL',
    cipher: `ROW_XF90igAAAAB${Buffer.from(`cf-sim-shop-${suffix}`).toString('base64url')}`,
    code: `USLCCF${pad(shopIndex, 6)}`,
    sellerOpenId,
    warehouses: [
      { id: `70685172755397199${suffix}`, name: `${sellerName} Warehouse - Los Angeles`, isDefault: true },
    ],
    deliveryOptions: [
      {
        id: `71297368912118106${suffix}`,
        name: 'Standard Shipping',
        providerIds: SHIPPING_PROVIDERS.map(([id]) => id),
      },
      {
        id: `71297368912118107${suffix}`,
        name: 'Express Shipping',
        providerIds: SHIPPING_PROVIDERS.filter(([, name]) => name === 'UPS' || name === 'FedEx').map(
          ([id]) => id,
        ),
      },
    ],
    authorized: false,
  };
}

function seedProducts(
  shop: SimShop,
  shopIndex: number,
  catalog: CatalogProduct[],
  lowStock: number,
): SimProduct[] {
  const warehouseId = shop.warehouses[0]!.id;
  return catalog.map((item, productIndex) => ({
    id: `17295929697122${pad(shopIndex, 2)}${pad(productIndex, 3)}`,
    shopId: shop.id,
    title: item.title,
    status: 'ACTIVATE',
    createTime: SEED_TIME,
    updateTime: SEED_TIME,
    skus: item.skus.map((sku, skuIndex) => ({
      id: `172959312047${pad(shopIndex, 2)}${pad(productIndex, 2)}${pad(skuIndex, 3)}`,
      sellerSku: sku.sellerSku,
      name: sku.name,
      priceCents: Math.round(sku.price * 100),
      originalPriceCents: Math.round(sku.originalPrice * 100),
      inventory: new Map([[warehouseId, sku.quantity]]),
      stockStatus: stockStatusOf(sku.quantity, lowStock),
    })),
  }));
}

export function seedState(extraSellers: SellerSeed[], lowStockThreshold: number): SimState {
  const state: SimState = {
    sellers: new Map(),
    shops: new Map(),
    products: new Map(),
    orders: new Map(),
    packages: new Map(),
    trackingNumbers: new Map(),
    shippingProviders: new Map(SHIPPING_PROVIDERS),
    authCodes: new Map(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
    grantExpiresAt: new Map(),
    trackingPushes: [],
    inventoryUpdates: [],
    tokenRefreshes: 0,
  };
  let shopIndex = 0;
  [DEMO_SELLER, ...extraSellers].forEach((sellerSeed, sellerIndex) => {
    const openId = `70107360571803256${pad(sellerIndex, 2)}`;
    const region = sellerSeed.region ?? 'US';
    const seller = { openId, name: sellerSeed.name, region, shopIds: [] as string[] };
    for (let n = 0; n < (sellerSeed.shops ?? 1); n += 1) {
      const shop = seedShop(shopIndex, openId, sellerSeed.name, region);
      state.shops.set(shop.id, shop);
      seller.shopIds.push(shop.id);
      for (const product of seedProducts(shop, shopIndex, SEED_CATALOG, lowStockThreshold)) {
        state.products.set(product.id, product);
      }
      shopIndex += 1;
    }
    state.sellers.set(openId, seller);
  });
  return state;
}
