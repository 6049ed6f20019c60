import { recordEvent } from './events';
import { invalidRequest, resourceMissing } from './http';
import {
  addOneMonth,
  type EventObject,
  type InvoiceObject,
  type Metadata,
  type PriceObject,
  type SubscriptionObject,
  type SubscriptionStatus,
} from './objects';
import type { StandInState } from './state';

/**
 * The billing behaviour behind the API routes, Checkout completion and the control endpoint:
 * every change to a subscription records the events Stripe would send for it and returns them,
 * in order, for the caller to deliver.
 */
export type Changed<T> = { object: T; events: EventObject[] };

const UNPAID_STATUSES: ReadonlySet<SubscriptionStatus> = new Set(['past_due', 'unpaid', 'incomplete']);
const ENDED_STATUSES: ReadonlySet<SubscriptionStatus> = new Set(['canceled', 'incomplete_expired']);

export const isEnded = (subscription: SubscriptionObject) => ENDED_STATUSES.has(subscription.status);

export const requirePrice = (state: StandInState, priceId: string, param: string): PriceObject => {
  const price = state.prices.get(priceId);
  if (!price) throw resourceMissing('price', priceId, param);
  if (!price.active)
    throw invalidRequest(`The price specified is inactive: ${priceId}`, 'price_inactive', param);
  return price;
};

const createInvoice = (
  state: StandInState,
  subscription: SubscriptionObject,
  billingReason: InvoiceObject['billing_reason'],
  paid: boolean,
): InvoiceObject => {
  const customer = state.customers.get(subscription.customer);
  const total = subscription.items.data.reduce(
    (sum, item) => sum + item.price.unit_amount * item.quantity,
    0,
  );
  const count = [...state.invoices.values()].filter(
    (invoice) => invoice.customer === subscription.customer,
  ).length;
  const id = state.newId('in');
  const now = state.now();
  const firstItem = subscription.items.data[0];
  const invoice: InvoiceObject = {
    id,
    object: 'invoice',
    amount_due: total,
    amount_paid: paid ? total : 0,
    amount_remaining: paid ? 0 : total,
    attempt_count: 1,
    attempted: true,
    billing_reason: billingReason,
    collection_method: 'charge_automatically',
    created: now,
    currency: subscription.currency,
    customer: subscription.customer,
    customer_email: customer?.email ?? null,
    hosted_invoice_url: `${state.publicUrl}/invoices/${id}`,
    invoice_pdf: null,
    livemode: false,
    metadata: {},
    number: `${customer?.invoice_prefix ?? 'SANDBOX'}-${String(count + 1).padStart(4, '0')}`,
    parent: {
      type: 'subscription_details',
      quote_details: null,
      subscription_details: { metadata: { ...subscription.metadata }, subscription: subscription.id },
    },
    period_start: firstItem?.current_period_start ?? now,
    period_end: firstItem?.current_period_end ?? now,
    status: paid ? 'paid' : 'open',
    status_transitions: { finalized_at: now, paid_at: paid ? now : null },
    subtotal: total,
    total,
  };
  state.invoices.set(id, invoice);
  subscription.latest_invoice = id;
  return invoice;
};

export const startSubscription = (
  state: StandInState,
  input: {
    customerId: string;
    items: { price: PriceObject; quantity: number }[];
    metadata: Metadata;
    status?: SubscriptionStatus;
  },
): Changed<SubscriptionObject> => {
  const now = state.now();
  const id = state.newId('sub');
  const periodEnd = addOneMonth(now);
  const status = input.status ?? 'active';
  const subscription: SubscriptionObject = {
    id,
    object: 'subscription',
    billing_cycle_anchor: now,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: status === 'canceled' ? now : null,
    collection_method: 'charge_automatically',
    created: now,
    currency: input.items[0]?.price.currency ?? 'usd',
    customer: input.customerId,
    ended_at: ENDED_STATUSES.has(status) ? now : null,
    items: {
      object: 'list',
      data: input.items.map(({ price, quantity }) => ({
        id: state.newId('si'),
        object: 'subscription_item',
        created: now,
        current_period_start: now,
        current_period_end: periodEnd,
        discounts: [],
        metadata: {},
        price,
        quantity,
        subscription: id,
        tax_rates: [],
      })),
      has_more: false,
      url: `/v1/subscription_items?subscription=${id}`,
    },
    latest_invoice: null,
    livemode: false,
    metadata: input.metadata,
    start_date: now,
    status,
    trial_end: null,
    trial_start: null,
  };
  state.subscriptions.set(id, subscription);
  const invoice = createInvoice(state, subscription, 'subscription_create', !UNPAID_STATUSES.has(status));
  const events = [recordEvent(state, 'customer.subscription.created', subscription)];
  events.push(
    recordEvent(state, invoice.status === 'paid' ? 'invoice.paid' : 'invoice.payment_failed', invoice),
  );
  return { object: subscription, events };
};

export type SubscriptionChange = {
  priceId?: string;
  itemId?: string;
  quantity?: number;
  status?: SubscriptionStatus;
  cancelAtPeriodEnd?: boolean;
  metadata?: Metadata;
};

/**
 * Applies a change and records `customer.subscription.updated` with `previous_attributes`, or
 * `customer.subscription.deleted` when it ends. Falling into past_due/unpaid issues an open
 * invoice (`invoice.payment_failed`); recovering pays the open ones (`invoice.paid`).
 */
export const changeSubscription = (
  state: StandInState,
  subscription: SubscriptionObject,
  change: SubscriptionChange,
): Changed<SubscriptionObject> => {
  if (isEnded(subscription)) {
    throw invalidRequest('A canceled subscription can only update its cancellation_details and metadata.');
  }
  const previous: Record<string, unknown> = {};
  const events: EventObject[] = [];
  const now = state.now();

  if (change.priceId !== undefined || change.quantity !== undefined) {
    const item = change.itemId
      ? subscription.items.data.find((candidate) => candidate.id === change.itemId)
      : subscription.items.data[0];
    if (!item) throw resourceMissing('subscription item', change.itemId ?? '(none)', 'items[0][id]');
    previous.items = structuredClone(subscription.items);
    if (change.priceId !== undefined) item.price = requirePrice(state, change.priceId, 'items[0][price]');
    if (change.quantity !== undefined) item.quantity = change.quantity;
  }
  if (change.metadata !== undefined) {
    previous.metadata = subscription.metadata;
    subscription.metadata = { ...subscription.metadata, ...change.metadata };
  }
  if (
    change.cancelAtPeriodEnd !== undefined &&
    change.cancelAtPeriodEnd !== subscription.cancel_at_period_end
  ) {
    previous.cancel_at_period_end = subscription.cancel_at_period_end;
    previous.cancel_at = subscription.cancel_at;
    subscription.cancel_at_period_end = change.cancelAtPeriodEnd;
    subscription.cancel_at = change.cancelAtPeriodEnd
      ? (subscription.items.data[0]?.current_period_end ?? now)
      : null;
  }
  const oldStatus = subscription.status;
  if (change.status !== undefined && change.status !== oldStatus) {
    previous.status = oldStatus;
    subscription.status = change.status;
    if (ENDED_STATUSES.has(change.status)) {
      subscription.canceled_at = now;
      subscription.ended_at = now;
      return {
        object: subscription,
        events: [recordEvent(state, 'customer.subscription.deleted', subscription)],
      };
    }
  }
  events.push(recordEvent(state, 'customer.subscription.updated', subscription, previous));
  if (change.status !== undefined && change.status !== oldStatus) {
    if (UNPAID_STATUSES.has(change.status) && !UNPAID_STATUSES.has(oldStatus)) {
      events.push(
        recordEvent(
          state,
          'invoice.payment_failed',
          createInvoice(state, subscription, 'subscription_cycle', false),
        ),
      );
    }
    if (!UNPAID_STATUSES.has(change.status) && UNPAID_STATUSES.has(oldStatus)) {
      for (const invoice of state.invoices.values()) {
        if (invoice.parent.subscription_details.subscription !== subscription.id || invoice.status !== 'open')
          continue;
        Object.assign(invoice, { status: 'paid', amount_paid: invoice.amount_due, amount_remaining: 0 });
        invoice.status_transitions.paid_at = now;
        events.push(recordEvent(state, 'invoice.paid', invoice));
      }
    }
  }
  return { object: subscription, events };
};
