import { env } from '@/lib/env';
import { configureShipping, shippingConfigFromEnv, type ShippingConfig } from '@/lib/shipping';
import { createSandboxCarrier, type SandboxCarrier, type SandboxCarrierOptions } from '@/sandbox/carrier';

/**
 * A sandbox carrier on a free port and the pipeline pointed at it (both adapters). Tests override
 * what they exercise (the carrier, the grace period for unknown outcomes).
 */
export async function startCarrier(
  options: SandboxCarrierOptions = {},
  overrides: Partial<Omit<ShippingConfig, 'shippo' | 'easypost'>> = {},
): Promise<{ carrier: SandboxCarrier; config: ShippingConfig }> {
  const carrier = await createSandboxCarrier(options);
  const base = shippingConfigFromEnv(env);
  const config: ShippingConfig = {
    ...base,
    shippo: { ...base.shippo, serverURL: carrier.url },
    easypost: { ...base.easypost, baseUrl: `${carrier.url}/v2/` },
    requestTimeoutMs: 5_000,
    ...overrides,
  };
  configureShipping(config);
  return { carrier, config };
}

/** Purchases the sandbox committed for one package reference (GET /__sandbox/purchases?reference=). */
export async function purchasesFor(carrier: SandboxCarrier, reference: string): Promise<{ count: number; purchases: { status: string; trackingNumber: string }[] }> {
  const response = await fetch(`${carrier.url}/__sandbox/purchases?reference=${encodeURIComponent(reference)}`);
  return (await response.json()) as { count: number; purchases: { status: string; trackingNumber: string }[] };
}
