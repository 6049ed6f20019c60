import { resourceMissing } from './http';

/**
 * Stripe-shaped objects as the stand-in serves them: the fields lib/billing and the library read,
 * named and nested as in API version 2026-10-28 (billing periods live on subscription items;
 * invoices point at their subscription through `parent.subscription_details`). Not every field of
 * the real objects is present.
 */
export type Metadata = Record<string, string>;
export type ListObject<T> = { object: 'list'; data: T[]; has_more: boolean; url: string };

export type CustomerObject = {
  id: string;
  object: 'customer';
  created: number;
  email: string | null;
  name: string | null;
  description: string | null;
  phone: string | null;
  metadata: Metadata;
  invoice_prefix: string;
  balance: number;
  currency: string | null;
  delinquent: boolean;
  livemode: false;
};

export type PriceObject = {
  id: string;
  object: 'price';
  active: boolean;
  billing_scheme: 'per_unit';
  created: number;
  currency: string;
  livemode: false;
  lookup_key: string | null;
  metadata: Metadata;
  nickname: string | null;
  product: string;
  recurring: {
    interval: 'month';
    interval_count: 1;
    usage_type: 'licensed';
    meter: null;
    trial_period_days: null;
  };
  tax_behavior: 'unspecified';
  type: 'recurring';
  unit_amount: number;
  unit_amount_decimal: string;
};

export type SubscriptionItemObject = {
  id: string;
  object: 'subscription_item';
  created: number;
  current_period_start: number;
  current_period_end: number;
  discounts: string[];
  metadata: Metadata;
  price: PriceObject;
  quantity: number;
  subscription: string;
  tax_rates: [];
};

export type SubscriptionStatus =
  'active' | 'canceled' | 'incomplete' | 'incomplete_expired' | 'past_due' | 'paused' | 'trialing' | 'unpaid';

export type SubscriptionObject = {
  id: string;
  object: 'subscription';
  billing_cycle_anchor: number;
  cancel_at: number | null;
  cancel_at_period_end: boolean;
  canceled_at: number | null;
  collection_method: 'charge_automatically';
  created: number;
  currency: string;
  customer: string;
  ended_at: number | null;
  items: ListObject<SubscriptionItemObject>;
  latest_invoice: string | null;
  livemode: false;
  metadata: Metadata;
  start_date: number;
  status: SubscriptionStatus;
  trial_end: number | null;
  trial_start: number | null;
};

export type InvoiceObject = {
  id: string;
  object: 'invoice';
  amount_due: number;
  amount_paid: number;
  amount_remaining: number;
  attempt_count: number;
  attempted: boolean;
  billing_reason: 'subscription_create' | 'subscription_cycle' | 'subscription_update';
  collection_method: 'charge_automatically';
  created: number;
  currency: string;
  customer: string;
  customer_email: string | null;
  hosted_invoice_url: string;
  invoice_pdf: null;
  livemode: false;
  metadata: Metadata;
  number: string;
  parent: {
    type: 'subscription_details';
    quote_details: null;
    subscription_details: { metadata: Metadata; subscription: string };
  };
  period_start: number;
  period_end: number;
  status: 'draft' | 'open' | 'paid' | 'uncollectible' | 'void';
  status_transitions: { finalized_at: number | null; paid_at: number | null };
  subtotal: number;
  total: number;
};

export type CheckoutSessionObject = {
  id: string;
  object: 'checkout.session';
  amount_subtotal: number;
  amount_total: number;
  cancel_url: string | null;
  client_reference_id: string | null;
  created: number;
  currency: string;
  customer: string | null;
  customer_email: string | null;
  expires_at: number;
  invoice: string | null;
  livemode: false;
  metadata: Metadata;
  mode: 'subscription';
  payment_status: 'paid' | 'unpaid';
  status: 'open' | 'complete' | 'expired';
  subscription: string | null;
  success_url: string;
  url: string | null;
};

export type PortalSessionObject = {
  id: string;
  object: 'billing_portal.session';
  configuration: string;
  created: number;
  customer: string;
  flow: null;
  livemode: false;
  locale: string | null;
  on_behalf_of: null;
  return_url: string | null;
  url: string;
};

export type EventObject = {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: unknown; previous_attributes?: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
};

/** A copy, so an event or a response never changes when the stored object later does. */
export const clone = <T>(value: T): T => structuredClone(value);

/** Newest first with cursor pagination, as every Stripe list endpoint answers. */
export const listOf = <T extends { id: string }>(
  items: T[],
  { url, limit = 10, startingAfter }: { url: string; limit?: number; startingAfter?: string },
): ListObject<T> => {
  const newestFirst = [...items].reverse();
  let start = 0;
  if (startingAfter) {
    start = newestFirst.findIndex((item) => item.id === startingAfter) + 1;
    if (start === 0) throw resourceMissing('object', startingAfter, 'starting_after');
  }
  const page = newestFirst.slice(start, start + limit);
  return { object: 'list', data: page.map(clone), has_more: start + limit < newestFirst.length, url };
};

/** The same day of month, one month later (clamped, e.g. Jan 31 → Feb 28), in UTC. */
export const addOneMonth = (unixSeconds: number): number => {
  const date = new Date(unixSeconds * 1000);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  target.setUTCHours(date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
  return Math.floor(target.getTime() / 1000);
};
