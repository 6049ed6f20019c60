import { randomBytes } from 'node:crypto';
import type {
  CheckoutSessionObject,
  CustomerObject,
  EventObject,
  InvoiceObject,
  PortalSessionObject,
  PriceObject,
  SubscriptionObject,
} from './objects';

/** What Checkout keeps beside the public session object until the session completes. */
export type CheckoutSessionRecord = {
  session: CheckoutSessionObject;
  lineItems: { price: string; quantity: number }[];
  subscriptionMetadata: Record<string, string>;
};

export type WebhookDelivery = {
  eventId: string;
  type: string;
  url: string;
  status: number | null;
  error: string | null;
  deliveredAt: string;
};

export type RequestLogEntry = { method: string; path: string; status: number; at: string };

type IdempotentResponse = { fingerprint: string; status: number; body: unknown };

/**
 * Everything the stand-in knows, in memory. Maps keep insertion order, which is creation order;
 * lists answer newest first as Stripe does. Exposed as `standIn.state` for in-process tests.
 */
export type StandInState = {
  customers: Map<string, CustomerObject>;
  prices: Map<string, PriceObject>;
  subscriptions: Map<string, SubscriptionObject>;
  invoices: Map<string, InvoiceObject>;
  checkoutSessions: Map<string, CheckoutSessionRecord>;
  portalSessions: Map<string, PortalSessionObject>;
  events: EventObject[];
  deliveries: WebhookDelivery[];
  requests: RequestLogEntry[];
  idempotency: Map<string, IdempotentResponse>;
  webhookEndpoint: { url: string | null; secret: string };
  /** Origin of the hosted pages (checkout, portal, invoices); set once the server listens. */
  publicUrl: string;
  /** Unix seconds; injectable so tests can place periods where they want. */
  now: () => number;
  newId: (prefix: string, length?: number) => string;
};

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export const randomId = (prefix: string, length = 24): string => {
  const bytes = randomBytes(length);
  let suffix = '';
  for (const byte of bytes) suffix += ID_ALPHABET[byte % ID_ALPHABET.length];
  return `${prefix}_${suffix}`;
};

export const createState = ({
  webhookUrl,
  webhookSecret,
  now,
}: {
  webhookUrl: string | null;
  webhookSecret: string;
  now?: () => number;
}): StandInState => ({
  customers: new Map(),
  prices: new Map(),
  subscriptions: new Map(),
  invoices: new Map(),
  checkoutSessions: new Map(),
  portalSessions: new Map(),
  events: [],
  deliveries: [],
  requests: [],
  idempotency: new Map(),
  webhookEndpoint: { url: webhookUrl, secret: webhookSecret },
  publicUrl: 'http://127.0.0.1',
  now: now ?? (() => Math.floor(Date.now() / 1000)),
  newId: randomId,
});

/** Empties customers, subscriptions and everything derived from them; prices stay. */
export const resetState = (state: StandInState) => {
  for (const collection of [
    state.customers,
    state.subscriptions,
    state.invoices,
    state.checkoutSessions,
    state.portalSessions,
    state.idempotency,
  ]) {
    collection.clear();
  }
  state.events.length = 0;
  state.deliveries.length = 0;
  state.requests.length = 0;
};

const REQUEST_LOG_LIMIT = 500;

export const logRequest = (state: StandInState, entry: RequestLogEntry) => {
  state.requests.push(entry);
  if (state.requests.length > REQUEST_LOG_LIMIT)
    state.requests.splice(0, state.requests.length - REQUEST_LOG_LIMIT);
};

/** A JSON-friendly copy for `GET /__sandbox/state`. */
export const snapshotState = (state: StandInState) => ({
  webhookEndpoint: { url: state.webhookEndpoint.url },
  customers: [...state.customers.values()],
  prices: [...state.prices.values()],
  subscriptions: [...state.subscriptions.values()],
  invoices: [...state.invoices.values()],
  checkoutSessions: [...state.checkoutSessions.values()].map((record) => record.session),
  portalSessions: [...state.portalSessions.values()],
  events: state.events,
  deliveries: state.deliveries,
  requests: state.requests,
});
