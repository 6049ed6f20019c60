import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate, withIdempotency } from './api-guards';
import { FormDecodeError, parseForm } from './form';
import { invalidRequest, json, readBody, send, StripeApiError, type HandlerResult } from './http';
import { compileRoutes, matchRoute, type Route } from './router';
import { billingPortalRoutes } from './routes/billing-portal';
import { checkoutSessionRoutes } from './routes/checkout-sessions';
import { controlRoutes } from './routes/control';
import { customerRoutes } from './routes/customers';
import { invoiceRoutes } from './routes/invoices';
import { priceRoutes } from './routes/prices';
import { subscriptionRoutes } from './routes/subscriptions';
import { defaultPriceSeeds, seedPrices, type PriceSeed } from './seed';
import { createState, logRequest, randomId, type StandInState } from './state';

/** Keys the stand-in accepts by default; .env.example can point the app at them. */
export const SANDBOX_SECRET_KEY = 'sk_test_creatorflow_sandbox';
export const SANDBOX_WEBHOOK_SECRET = 'whsec_creatorflow_sandbox';

export type StripeStandInOptions = {
  /** 0 (default) picks a free port, for tests. */
  port?: number;
  host?: string;
  secretKey?: string;
  /** Where events are POSTed, e.g. http://127.0.0.1:3000/api/webhooks/stripe. Null: recorded only. */
  webhookUrl?: string | null;
  webhookSecret?: string;
  prices?: PriceSeed[];
  /** Origin used in hosted-page links (Checkout, portal, invoices); defaults to the listening URL. */
  publicUrl?: string;
  /** Unix seconds. */
  now?: () => number;
};

export type StripeStandIn = { url: string; port: number; state: StandInState; close: () => Promise<void> };

const ROUTES = compileRoutes([
  ...customerRoutes,
  ...subscriptionRoutes,
  ...checkoutSessionRoutes,
  ...billingPortalRoutes,
  ...invoiceRoutes,
  ...priceRoutes,
  ...controlRoutes,
] satisfies Route[]);

const errorResult = (error: StripeApiError): HandlerResult => json({ error: error.body }, error.status);

/**
 * Starts a stand-in for the parts of the Stripe REST API that lib/billing uses, on node:http so it
 * runs in Jest (in-process, port 0), under Bun and under Node alike. See README.md.
 */
export const createStripeStandIn = async (options: StripeStandInOptions = {}): Promise<StripeStandIn> => {
  const secretKey = options.secretKey ?? SANDBOX_SECRET_KEY;
  const state = createState({
    webhookUrl: options.webhookUrl ?? null,
    webhookSecret: options.webhookSecret ?? SANDBOX_WEBHOOK_SECRET,
    ...(options.now ? { now: options.now } : {}),
  });
  seedPrices(state, options.prices ?? defaultPriceSeeds());

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', state.publicUrl);
    const headers: Record<string, string> = { 'Request-Id': randomId('req', 14) };
    let result: HandlerResult;
    try {
      const { route, path } = matchRoute(ROUTES, method, url.pathname);
      if (!route) {
        throw invalidRequest(
          `Unrecognized request URL (${method}: ${url.pathname}).`,
          undefined,
          undefined,
          404,
        );
      }
      const body = await readBody(request);
      if (route.kind !== 'api') {
        result = await route.handle({ state, params: {}, path, url, body });
      } else {
        authenticate(request, secretKey);
        const version = request.headers['stripe-version'];
        if (typeof version === 'string') headers['Stripe-Version'] = version;
        const params = parseForm(method === 'POST' ? body : url.search.slice(1));
        result = await withIdempotency(state, request, `${method} ${url.pathname}`, body, headers, () =>
          route.handle({ state, params, path, url, body }),
        );
      }
    } catch (error) {
      if (error instanceof StripeApiError) result = errorResult(error);
      else if (error instanceof FormDecodeError) result = errorResult(invalidRequest(error.message));
      else {
        console.error('[stripe stand-in]', error);
        result = json(
          { error: { type: 'api_error', message: 'The Stripe stand-in failed; see its log.' } },
          500,
        );
      }
    }
    const status = result.kind === 'redirect' ? 303 : result.status;
    logRequest(state, { method, path: url.pathname, status, at: new Date().toISOString() });
    send(response, result, headers);
  };

  const server = createServer((request, response) => {
    void handle(request, response);
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  state.publicUrl = options.publicUrl ?? url;

  return {
    url,
    port,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets (the library and fetch both pool) would otherwise hold close() open.
        server.closeAllConnections?.();
      }),
  };
};
