import 'server-only';
import {
  createEasyPostAdapter,
  createShippoAdapter,
  type CarrierAdapter,
  type CarrierName,
} from '@/lib/shipping/carriers';
import { getShippingConfig, type ShippingConfig } from './config';

/**
 * The carrier gateway: both adapters, built once per configuration. New shipments use
 * `preferred` (SHIPPING_CARRIER); a shipment already bought from one carrier is looked up,
 * voided and tracked through that carrier's adapter whatever the setting says today.
 */
export type CarrierGateway = {
  preferred: CarrierName;
  adapter(carrier: CarrierName): CarrierAdapter;
};

export function createCarrierGateway(config: ShippingConfig): CarrierGateway {
  const adapters: Partial<Record<CarrierName, CarrierAdapter>> = {};
  const build = (carrier: CarrierName): CarrierAdapter =>
    carrier === 'shippo'
      ? createShippoAdapter({
          apiKey: config.shippo.apiKey,
          serverURL: config.shippo.serverURL,
          timeoutMs: config.requestTimeoutMs,
        })
      : createEasyPostAdapter({
          apiKey: config.easypost.apiKey,
          baseUrl: config.easypost.baseUrl,
          timeoutMs: config.requestTimeoutMs,
        });
  return {
    preferred: config.carrier,
    adapter: (carrier) => (adapters[carrier] ??= build(carrier)),
  };
}

let cached: { config: ShippingConfig; gateway: CarrierGateway } | undefined;

/** The process-wide gateway for the current configuration. */
export function getCarrierGateway(): CarrierGateway {
  const config = getShippingConfig();
  if (cached?.config !== config) cached = { config, gateway: createCarrierGateway(config) };
  return cached.gateway;
}
