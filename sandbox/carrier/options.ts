import { z } from 'zod';

// Options of createSandboxCarrier. Every delay defaults to 0 so tests run fast; main.ts
// (the stand-alone server) picks friendlier values for demos.

export const sandboxOptionsSchema = z.object({
  /** 0 picks a free port (tests). main.ts uses CARRIER_SIM_PORT, default 4010. */
  port: z.number().int().min(0).max(65_535).default(0),
  host: z.string().default('127.0.0.1'),
  /** Base of label / tracking-page URLs; defaults to the listening address. */
  publicUrl: z.url().optional(),
  /** Registered as a Shippo webhook for event `all` (like one set up in the dashboard). */
  shippoWebhookUrl: z.url().optional(),
  /** When set, Shippo deliveries carry `Shippo-Auth-Signature`. */
  shippoHmacSecret: z.string().optional(),
  /** Registered as an EasyPost webhook. */
  easypostWebhookUrl: z.url().optional(),
  /** When set, EasyPost deliveries carry `X-Hmac-Signature`. */
  easypostWebhookSecret: z.string().optional(),
  /** If set, only these Shippo tokens are accepted; otherwise any `shippo_test_*` / `shippo_live_*`. */
  shippoApiKeys: z.array(z.string()).optional(),
  /** QUEUED -> SUCCESS/ERROR delay of async transactions (0 = next tick). */
  transactionDelayMs: z.number().int().min(0).default(0),
  /** QUEUED -> SUCCESS delay of async shipments (rates). */
  shipmentRatesDelayMs: z.number().int().min(0).default(0),
  /** Refund QUEUED -> SUCCESS delay (Shippo) and submitted -> refunded (EasyPost). */
  refundDelayMs: z.number().int().min(0).default(0),
  /** Shipments created without `async` answer QUEUED with empty rates (real API default). */
  shipmentsAsyncByDefault: z.boolean().default(false),
  /** Extra latency of the `SLOW` magic metadata, applied before the purchase commits. */
  magicSlowMs: z.number().int().min(0).default(3000),
  webhookConcurrency: z.number().int().min(1).max(64).default(4),
  webhookRetryDelayMs: z.number().int().min(0).default(100),
  webhookTimeoutMs: z.number().int().min(1).default(5000),
  /** Periodically applies due tracking steps as virtual time flows (0 = only on clock advance). */
  autoTickMs: z.number().int().min(0).default(0),
  /** Virtual clock start; defaults to the wall clock. */
  startTime: z.coerce.date().optional(),
  objectOwner: z.string().default('sandbox@creatorflow.dev'),
  /** Log one line per request to stdout. */
  log: z.boolean().default(false),
});

export type SandboxCarrierOptions = z.input<typeof sandboxOptionsSchema>;
export type ResolvedSandboxOptions = z.output<typeof sandboxOptionsSchema>;
