// Logistics look-ups (spec §7.1) and the authorized-shops list (spec §2.4).
import type { ApiContext } from './routes';
import { invalidParam } from './params';

export function getAuthorizedShops({ sim, seller }: ApiContext) {
  const shops = seller.shopIds
    .map((id) => sim.state.shops.get(id)!)
    .filter((shop) => shop.authorized)
    .map((shop) => ({
      id: shop.id,
      name: shop.name,
      region: shop.region,
      seller_type: shop.sellerType,
      cipher: shop.cipher,
      code: shop.code,
    }));
  return { shops };
}

export function getWarehouses({ shop }: ApiContext) {
  return {
    warehouses: shop!.warehouses.map((warehouse) => ({
      id: warehouse.id,
      name: warehouse.name,
      is_default: warehouse.isDefault,
      effect_status: 'ENABLED',
      type: 'SALES_WAREHOUSE',
      sub_type: 'DOMESTIC_WAREHOUSE',
    })),
  };
}

export function getShippingProviders({ sim, shop, params }: ApiContext) {
  const option = shop!.deliveryOptions.find((candidate) => candidate.id === params[0]);
  if (!option) throw invalidParam(`delivery_option_id ${params[0]} does not belong to this shop`);
  return {
    shipping_providers: option.providerIds.map((id) => ({
      id,
      name: sim.state.shippingProviders.get(id) ?? id,
    })),
  };
}
