import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { buildPlanCatalog } from '@/lib/billing/plans';
import { createStripeClient } from '@/lib/billing/stripe-client';
import {
  createStripeStandIn,
  SANDBOX_SECRET_KEY,
  SANDBOX_WEBHOOK_SECRET,
  type StripeStandIn,
} from '@/sandbox/stripe';

export type ReceivedWebhook = { rawBody: string; signature: string | null; type: string };

/** A stand-in for our webhook route: records exactly what arrived, answers 200. */
export const startWebhookReceiver = async () => {
  const received: ReceivedWebhook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const signature = request.headers['stripe-signature'];
      received.push({
        rawBody,
        signature: typeof signature === 'string' ? signature : null,
        type: (JSON.parse(rawBody) as { type: string }).type,
      });
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{"received":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/webhooks/stripe`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};

export type BillingHarness = {
  standIn: StripeStandIn;
  stripe: Stripe;
  receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  close: () => Promise<void>;
};

/** Stand-in + webhook receiver + a real Stripe client pointed at the stand-in. */
export const startBillingHarness = async (): Promise<BillingHarness> => {
  const receiver = await startWebhookReceiver();
  const standIn = await createStripeStandIn({ port: 0, webhookUrl: receiver.url });
  const stripe = createStripeClient({
    secretKey: SANDBOX_SECRET_KEY,
    apiBaseUrl: standIn.url,
    maxNetworkRetries: 0,
  });
  return {
    standIn,
    stripe,
    receiver,
    close: async () => {
      await standIn.close();
      await receiver.close();
    },
  };
};

/** The catalogue as the app would build it against the stand-in's predictable price ids. */
export const sandboxPlans = buildPlanCatalog({
  starter: 'price_cf_starter_monthly',
  growth: 'price_cf_growth_monthly',
  pro: 'price_cf_pro_monthly',
});

export const WEBHOOK_SECRET = SANDBOX_WEBHOOK_SECRET;

/** Calls a stand-in control endpoint. */
export const control = async (standIn: StripeStandIn, path: string, body?: unknown) => {
  const response = await fetch(`${standIn.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
