import { recordEvent } from './events';
import type { CheckoutSessionObject, CustomerObject, EventObject, Metadata } from './objects';
import type { StandInState } from './state';
import { requirePrice, startSubscription, type Changed } from './subscription-operations';

export const createCustomer = (
  state: StandInState,
  input: {
    id?: string;
    email?: string;
    name?: string;
    description?: string;
    phone?: string;
    metadata?: Metadata;
  },
): Changed<CustomerObject> => {
  const id = input.id ?? state.newId('cus');
  const customer: CustomerObject = {
    id,
    object: 'customer',
    created: state.now(),
    email: input.email ?? null,
    name: input.name ?? null,
    description: input.description ?? null,
    phone: input.phone ?? null,
    metadata: input.metadata ?? {},
    // Stripe numbers invoices `<prefix>-0001`; the prefix is per customer.
    invoice_prefix: id.replace(/^cus_/, '').slice(0, 8).toUpperCase().padEnd(8, 'X'),
    balance: 0,
    currency: null,
    delinquent: false,
    livemode: false,
  };
  state.customers.set(id, customer);
  return { object: customer, events: [recordEvent(state, 'customer.created', customer)] };
};

/**
 * What paying on the hosted Checkout page does: create the customer if the session had none,
 * start the subscription on the session's prices (with `subscription_data.metadata`), and mark the
 * session complete. Idempotent: completing a completed session changes nothing and sends nothing.
 */
export const completeCheckout = (
  state: StandInState,
  sessionId: string,
): Changed<CheckoutSessionObject> | null => {
  const record = state.checkoutSessions.get(sessionId);
  if (!record) return null;
  const { session } = record;
  if (session.status !== 'open') return { object: session, events: [] };

  const events: EventObject[] = [];
  let customerId = session.customer;
  if (!customerId) {
    const created = createCustomer(state, session.customer_email ? { email: session.customer_email } : {});
    customerId = created.object.id;
    events.push(...created.events);
  }
  const started = startSubscription(state, {
    customerId,
    items: record.lineItems.map((item) => ({
      price: requirePrice(state, item.price, 'line_items'),
      quantity: item.quantity,
    })),
    metadata: record.subscriptionMetadata,
  });
  events.push(...started.events);

  Object.assign(session, {
    customer: customerId,
    subscription: started.object.id,
    invoice: started.object.latest_invoice,
    payment_status: 'paid',
    status: 'complete',
    url: null,
  } satisfies Partial<CheckoutSessionObject>);
  events.push(recordEvent(state, 'checkout.session.completed', session));
  return { object: session, events };
};
