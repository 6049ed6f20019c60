import 'server-only';
import { env, type Env } from '@/lib/env';
import type { Address, CarrierName } from '@/lib/shipping/carriers';

/**
 * Everything the shipping pipeline needs to know about the outside world, as one value. Domain
 * functions take it (or the gateway built from it) as an argument; jobs and webhook routes read
 * the process-wide one from getShippingConfig(), which comes from lib/env.ts unless a test or a
 * benchmark pointed it at its own sandbox with configureShipping().
 */
export type ShippingConfig = {
  /** The carrier new shipments are bought from (existing shipments keep theirs). */
  carrier: CarrierName;
  shippo: { apiKey: string; serverURL: string; webhookToken: string; webhookHmacSecret?: string };
  easypost: { apiKey: string; baseUrl: string; webhookSecret: string };
  /** Per carrier HTTP request. */
  requestTimeoutMs: number;
  /** A quote older than this is re-quoted before buying (Shippo refuses rates older than 7 days). */
  maxQuoteAgeMs: number;
  /**
   * An attempt whose outcome is unknown and that a lookup cannot find is declared "never bought"
   * only after this long (and never before twice the request timeout it was made with): a slow
   * request may still be committing at the carrier.
   */
  unknownOutcomeGraceMs: number;
  /** Used when the account has not set `settings.shipFrom`. */
  defaultShipFrom: Address;
};

const SANDBOX_SHIP_FROM: Address = {
  name: 'CreatorFlow Fulfillment',
  street1: '1092 Indian Summer Ct',
  city: 'San Jose',
  state: 'CA',
  zip: '95122',
  country: 'US',
  phone: '4159876543',
  email: 'ops@creatorflow.dev',
};

export function shippingConfigFromEnv(source: Env): ShippingConfig {
  return {
    carrier: source.SHIPPING_CARRIER,
    shippo: {
      apiKey: source.SHIPPO_API_KEY,
      serverURL: source.SHIPPO_BASE_URL,
      webhookToken: source.SHIPPO_WEBHOOK_TOKEN,
      webhookHmacSecret: source.SHIPPO_WEBHOOK_HMAC_SECRET,
    },
    easypost: {
      apiKey: source.EASYPOST_API_KEY,
      baseUrl: source.EASYPOST_BASE_URL,
      webhookSecret: source.EASYPOST_WEBHOOK_SECRET,
    },
    requestTimeoutMs: 15_000,
    maxQuoteAgeMs: 24 * 3_600_000,
    unknownOutcomeGraceMs: 60_000,
    defaultShipFrom: SANDBOX_SHIP_FROM,
  };
}

type Held = { config?: ShippingConfig };
const globalForShipping = globalThis as typeof globalThis & { __creatorflowShippingConfig?: Held };
const held = (globalForShipping.__creatorflowShippingConfig ??= {});

export function getShippingConfig(): ShippingConfig {
  return (held.config ??= shippingConfigFromEnv(env));
}

/** Replaces the process-wide configuration (tests, benchmarks); undefined goes back to lib/env. */
export function configureShipping(config: ShippingConfig | undefined): void {
  held.config = config;
}
