// Stand-alone sandbox carrier: `bun sandbox/carrier/main.ts` (or `bun run sandbox:carrier`).
// Reads its configuration from the environment; every variable has a local default.
import { createSandboxCarrier } from './create-sandbox-carrier';

const env = process.env;
const number = (value: string | undefined, fallback: number) => (value ? Number(value) : fallback);

const carrier = await createSandboxCarrier({
  port: number(env.CARRIER_SIM_PORT, 4010),
  host: env.CARRIER_SIM_HOST ?? '127.0.0.1',
  publicUrl: env.CARRIER_SIM_PUBLIC_URL || undefined,
  shippoWebhookUrl:
    env.CARRIER_SIM_SHIPPO_WEBHOOK_URL ??
    'http://127.0.0.1:3000/api/webhooks/shippo?token=cf_local_shippo_webhook_token',
  shippoHmacSecret: env.CARRIER_SIM_SHIPPO_HMAC_SECRET ?? 'cf_local_shippo_hmac_secret',
  easypostWebhookUrl: env.CARRIER_SIM_EASYPOST_WEBHOOK_URL ?? 'http://127.0.0.1:3000/api/webhooks/easypost',
  easypostWebhookSecret: env.CARRIER_SIM_EASYPOST_WEBHOOK_SECRET ?? 'cf_local_easypost_webhook_secret',
  // Demo-friendly defaults: a visible QUEUED phase, webhooks retried a little later,
  // tracking that follows virtual time as it flows.
  transactionDelayMs: number(env.CARRIER_SIM_TRANSACTION_DELAY_MS, 1500),
  shipmentRatesDelayMs: number(env.CARRIER_SIM_RATES_DELAY_MS, 500),
  refundDelayMs: number(env.CARRIER_SIM_REFUND_DELAY_MS, 1000),
  webhookRetryDelayMs: number(env.CARRIER_SIM_WEBHOOK_RETRY_DELAY_MS, 1000),
  autoTickMs: number(env.CARRIER_SIM_AUTO_TICK_MS, 5000),
  log: env.CARRIER_SIM_LOG === '1',
});

console.log(
  `[sandbox-carrier] listening on ${carrier.url} (Shippo at /, EasyPost at /v2/, controls at /__sandbox)`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void carrier.close().then(() => process.exit(0));
  });
}
