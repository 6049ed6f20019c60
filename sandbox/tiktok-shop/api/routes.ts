// The API-host endpoints the simulator implements. `shopScoped` routes require shop_cipher (106013 when
// missing); the others refuse it (36009004 "Unexpected identifier"), as /authorization/* does (spec §5).
import { ApiFailure } from '../http-utils';
import type { Sim } from '../sim';
import type { SimSeller, SimShop } from '../types';
import { shipPackage, shipPackages, updateShippingInfo } from './fulfillment';
import { getAuthorizedShops, getShippingProviders, getWarehouses } from './logistics';
import { getOrderDetails, searchOrders } from './orders';
import { searchProducts, updateInventory } from './products';

export interface ApiContext {
  sim: Sim;
  seller: SimSeller;
  /** Set on shop-scoped routes (resolved from shop_cipher). */
  shop: SimShop | undefined;
  query: URLSearchParams;
  body: unknown;
  /** Path parameters in order of appearance. */
  params: string[];
}

export interface ApiRoute {
  method: 'GET' | 'POST';
  pattern: RegExp;
  /** Stable API name; also the unit of the per-API QPS limit. */
  name: string;
  shopScoped: boolean;
  handle(context: ApiContext): unknown;
}

const ID = '([0-9A-Za-z_-]+)';

export const API_ROUTES: ApiRoute[] = [
  {
    method: 'GET',
    pattern: /^\/authorization\/202309\/shops$/,
    name: 'GET /authorization/202309/shops',
    shopScoped: false,
    handle: getAuthorizedShops,
  },
  {
    method: 'POST',
    pattern: /^\/order\/202309\/orders\/search$/,
    name: 'POST /order/202309/orders/search',
    shopScoped: true,
    handle: searchOrders,
  },
  {
    method: 'GET',
    pattern: /^\/order\/202309\/orders$/,
    name: 'GET /order/202309/orders',
    shopScoped: true,
    handle: getOrderDetails,
  },
  {
    method: 'POST',
    pattern: /^\/product\/202309\/products\/search$/,
    name: 'POST /product/202309/products/search',
    shopScoped: true,
    handle: searchProducts,
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/product/202309/products/${ID}/inventory/update$`),
    name: 'POST /product/202309/products/{product_id}/inventory/update',
    shopScoped: true,
    handle: updateInventory,
  },
  {
    method: 'GET',
    pattern: /^\/logistics\/202309\/warehouses$/,
    name: 'GET /logistics/202309/warehouses',
    shopScoped: true,
    handle: getWarehouses,
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/logistics/202309/delivery_options/${ID}/shipping_providers$`),
    name: 'GET /logistics/202309/delivery_options/{delivery_option_id}/shipping_providers',
    shopScoped: true,
    handle: getShippingProviders,
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/fulfillment/202309/packages/${ID}/ship$`),
    name: 'POST /fulfillment/202309/packages/{package_id}/ship',
    shopScoped: true,
    handle: shipPackage,
  },
  {
    method: 'POST',
    pattern: /^\/fulfillment\/202309\/packages\/ship$/,
    name: 'POST /fulfillment/202309/packages/ship',
    shopScoped: true,
    handle: shipPackages,
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/fulfillment/202309/orders/${ID}/shipping_info/update$`),
    name: 'POST /fulfillment/202309/orders/{order_id}/shipping_info/update',
    shopScoped: true,
    handle: updateShippingInfo,
  },
];

/** The route for a request, or TikTok's 36009009 (unknown path) / 36009010 (wrong method). */
export function findRoute(method: string, path: string): { route: ApiRoute; params: string[] } {
  let pathKnown = false;
  for (const route of API_ROUTES) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    pathKnown = true;
    if (route.method === method) return { route, params: match.slice(1) };
  }
  if (pathKnown) throw new ApiFailure(36009010, `Invalid HTTP method ${method} for ${path}`, 405);
  throw new ApiFailure(36009009, `Invalid path: ${path}`, 404);
}
