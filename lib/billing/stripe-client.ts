import 'server-only';
import Stripe from 'stripe';
import { z } from 'zod';

/**
 * The API version this code is written against. Typed as the library's LatestApiVersion so that
 * upgrading `stripe` without revisiting this module (and the response shapes it relies on, e.g.
 * billing periods living on subscription items) fails the type check instead of drifting.
 */
export const STRIPE_API_VERSION: Stripe.LatestApiVersion = '2026-10-28.endive';

const ZStripeClientOptions = z.strictObject({
  secretKey: z
    .string()
    .regex(/^(sk|rk)_(test|live)_\S+$/, 'must be a Stripe secret or restricted key (sk_… / rk_…)'),
  /** e.g. http://127.0.0.1:4200 for the stand-in in sandbox/stripe; omit for api.stripe.com. */
  apiBaseUrl: z.url({ protocol: /^https?$/ }).optional(),
  maxNetworkRetries: z.number().int().min(0).max(5).optional(),
  timeoutMs: z.number().int().min(1_000).max(120_000).optional(),
});
export type StripeClientOptions = z.input<typeof ZStripeClientOptions>;

/**
 * A configured Stripe client. Only the base URL differs between the stand-in and production; the
 * library always talks to `<base>/v1/…`, so a base URL with a path is refused rather than ignored.
 */
export const createStripeClient = (options: StripeClientOptions): Stripe => {
  const { secretKey, apiBaseUrl, maxNetworkRetries, timeoutMs } = ZStripeClientOptions.parse(options);
  const config: Stripe.StripeConfig = {
    apiVersion: STRIPE_API_VERSION,
    appInfo: { name: 'CreatorFlow' },
    maxNetworkRetries: maxNetworkRetries ?? 2,
    timeout: timeoutMs ?? 30_000,
  };
  if (apiBaseUrl) {
    const url = new URL(apiBaseUrl);
    if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
      throw new Error(`Stripe apiBaseUrl must be an origin without a path, got ${apiBaseUrl}`);
    }
    const protocol = url.protocol === 'http:' ? 'http' : 'https';
    config.protocol = protocol;
    // URL drops the default port for its protocol; the library needs it spelled out.
    config.host = url.hostname;
    config.port = url.port !== '' ? Number(url.port) : protocol === 'http' ? 80 : 443;
    // Latency telemetry is meant for Stripe; a stand-in has no use for it.
    config.telemetry = false;
  }
  return new Stripe(secretKey, config);
};
