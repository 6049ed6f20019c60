// Logistics look-ups and tracking pushes for seller-shipped packages (spec §7).
import { callShopApi, type ShopCallContext } from './call-shop-api';
import { MAX_PACKAGES_PER_SHIP_CALL } from './constants';
import { TikTokApiError, kindFromCode } from './errors';
import { pathId } from './request-helpers';
import {
  emptyDataSchema,
  shipPackagesDataSchema,
  shippingProvidersDataSchema,
  warehousesDataSchema,
  type TikTokShippingProvider,
  type TikTokWarehouse,
} from './schemas';

export interface SelfShipment {
  trackingNumber: string;
  shippingProviderId: string;
}

export interface PackageShipment extends SelfShipment {
  packageId: string;
}

/** One package of a Batch Ship Packages call: shipped, or refused with the error Ship Package would have thrown. */
export type ShipPackageResult =
  { packageId: string; ok: true } | { packageId: string; ok: false; error: TikTokApiError };

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

    /**
     * Batch Ship Packages: up to MAX_PACKAGES_PER_SHIP_CALL distinct packages in one request. TikTok ships
     * the valid ones and lists the others in `data.errors` with `code 0` overall, so this resolves with one
     * result per package, in the order given; a refusal carries the kind Ship Package's error would have
     * (ALREADY_SHIPPED after a replay included). A failure of the request itself (network, 5xx, 429, auth)
     * throws as for any call, and then nothing is known about any package of it.
     */
    async shipPackages(packages: readonly PackageShipment[]): Promise<ShipPackageResult[]> {
      if (packages.length > MAX_PACKAGES_PER_SHIP_CALL) {
        throw new RangeError(
          `shipPackages takes at most ${MAX_PACKAGES_PER_SHIP_CALL} packages, got ${packages.length}`,
        );
      }
      // A refusal names its package only by id: with an id listed twice it could not be told apart.
      const ids = new Set(packages.map((item) => pathId('package id', item.packageId)));
      if (ids.size !== packages.length) throw new RangeError('shipPackages takes each package once');
      if (packages.length === 0) return [];
      const path = '/fulfillment/202309/packages/ship';
      const endpoint = `POST ${path}`;
      const body = {
        packages: packages.map((item) => ({
          id: item.packageId,
          self_shipment: {
            tracking_number: item.trackingNumber,
            shipping_provider_id: item.shippingProviderId,
          },
        })),
      };
      const data = await callShopApi(
        ctx,
        { method: 'POST', path, endpoint, withShopCipher: true, body },
        shipPackagesDataSchema,
      );
      const refused = new Map<string, TikTokApiError>();
      for (const { code, message, detail } of data.errors) {
        const packageId = detail?.package_id;
        if (!packageId || !ids.has(packageId)) {
          // A refusal we cannot place leaves every package of the call in doubt.
          throw new TikTokApiError({
            kind: 'INVALID_RESPONSE',
            message: `${endpoint} reported code ${code} (${message}) for ${packageId ? `package ${packageId}, which was not sent` : 'no package'}`,
            code,
            httpStatus: 200,
            endpoint,
          });
        }
        if (refused.has(packageId)) continue;
        refused.set(
          packageId,
          new TikTokApiError({
            kind: kindFromCode(code, 200, message),
            message: `${endpoint} refused package ${packageId} with TikTok code ${code}: ${message}`,
            code,
            httpStatus: 200,
            endpoint,
          }),
        );
      }
      return packages.map(({ packageId }) => {
        const error = refused.get(packageId);
        return error ? { packageId, ok: false as const, error } : { packageId, ok: true as const };
      });
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
