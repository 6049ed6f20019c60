import { z } from 'zod';
import { PAID_PLAN_IDS, PLAN_DEFINITION_LIST } from '../../../lib/billing/plans';
import { createCustomer } from '../customer-operations';
import { invalidRequest, json, resourceMissing } from '../http';
import { clone, type EventObject, type PriceObject } from '../objects';
import type { Route, RouteContext } from '../router';
import { resetState, snapshotState } from '../state';
import { changeSubscription, isEnded, requirePrice, startSubscription } from '../subscription-operations';
import { deliverEvents } from '../webhooks';

const STATUSES = [
  'active',
  'canceled',
  'incomplete',
  'incomplete_expired',
  'past_due',
  'paused',
  'trialing',
  'unpaid',
] as const;

const ZSetSubscription = z
  .strictObject({
    customer: z.string().startsWith('cus_'),
    email: z.email().optional(),
    plan: z.enum(PAID_PLAN_IDS).optional(),
    price: z.string().optional(),
    lookup_key: z.string().optional(),
    status: z.enum(STATUSES).optional(),
    cancel_at_period_end: z.boolean().optional(),
    metadata: z.record(z.string(), z.string()).optional(),
    /** false records the events without sending them (to simulate a lost or late webhook). */
    deliver_webhooks: z.boolean().default(true),
  })
  .refine((body) => [body.plan, body.price, body.lookup_key].filter(Boolean).length <= 1, {
    message: 'give at most one of plan, price, lookup_key',
  });

const ZWebhookEndpoint = z.strictObject({
  url: z.url().nullable(),
  secret: z.string().startsWith('whsec_').optional(),
});

const readJson = <Schema extends z.ZodType>(schema: Schema, body: string): z.output<Schema> => {
  let value: unknown;
  try {
    value = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    throw invalidRequest('Control endpoints take a JSON body');
  }
  const result = schema.safeParse(value);
  if (!result.success) throw invalidRequest(z.prettifyError(result.error));
  return result.data;
};

const findPrice = (
  context: RouteContext,
  body: z.output<typeof ZSetSubscription>,
): PriceObject | undefined => {
  const lookupKey = body.lookup_key ?? PLAN_DEFINITION_LIST.find((plan) => plan.id === body.plan)?.lookupKey;
  if (lookupKey) {
    const price = [...context.state.prices.values()].find((candidate) => candidate.lookup_key === lookupKey);
    if (!price) throw resourceMissing('price with lookup_key', lookupKey, 'lookup_key');
    return price;
  }
  return body.price ? requirePrice(context.state, body.price, 'price') : undefined;
};

/**
 * Sets a customer's subscription directly, as if changed in the Stripe dashboard: creates the
 * customer (with the given id) and the subscription when missing, otherwise changes the current one.
 */
const setSubscription = async (context: RouteContext) => {
  const { state } = context;
  const body = readJson(ZSetSubscription, context.body);
  const events: EventObject[] = [];
  if (!state.customers.has(body.customer)) {
    events.push(
      ...createCustomer(state, { id: body.customer, ...(body.email ? { email: body.email } : {}) }).events,
    );
  }
  const price = findPrice(context, body);
  const current = [...state.subscriptions.values()]
    .reverse()
    .find((sub) => sub.customer === body.customer && !isEnded(sub));
  let subscription = current;
  if (!subscription) {
    if (!price) throw invalidRequest('The customer has no subscription yet: give plan, price or lookup_key');
    const started = startSubscription(state, {
      customerId: body.customer,
      items: [{ price, quantity: 1 }],
      metadata: body.metadata ?? {},
      ...(body.status ? { status: body.status } : {}),
    });
    subscription = started.object;
    events.push(...started.events);
  }
  const change = {
    ...(current && price ? { priceId: price.id } : {}),
    ...(current && body.status ? { status: body.status } : {}),
    ...(current && body.metadata ? { metadata: body.metadata } : {}),
    ...(body.cancel_at_period_end !== undefined ? { cancelAtPeriodEnd: body.cancel_at_period_end } : {}),
  };
  if (Object.keys(change).length > 0) events.push(...changeSubscription(state, subscription, change).events);
  const deliveries = body.deliver_webhooks ? await deliverEvents(state, events) : [];
  return json({
    subscription: clone(subscription),
    events: events.map(({ id, type }) => ({ id, type })),
    deliveries,
  });
};

export const controlRoutes: Route[] = [
  {
    method: 'GET',
    path: '/__sandbox/state',
    kind: 'control',
    handle: ({ state }) => json(snapshotState(state)),
  },
  { method: 'POST', path: '/__sandbox/subscriptions', kind: 'control', handle: setSubscription },
  {
    method: 'POST',
    path: '/__sandbox/webhook-endpoint',
    kind: 'control',
    handle: ({ state, body }) => {
      const { url, secret } = readJson(ZWebhookEndpoint, body);
      state.webhookEndpoint = { url, secret: secret ?? state.webhookEndpoint.secret };
      return json({ url });
    },
  },
  {
    // Sends a recorded event again: a duplicate delivery, or a replay after a failed one.
    method: 'POST',
    path: '/__sandbox/events/:id/deliver',
    kind: 'control',
    handle: async ({ state, path }) => {
      const event = state.events.find((candidate) => candidate.id === path.id);
      if (!event) throw resourceMissing('event', path.id ?? '');
      if (!state.webhookEndpoint.url) throw invalidRequest('No webhook endpoint is configured');
      return json({ deliveries: await deliverEvents(state, [event]) });
    },
  },
  {
    method: 'POST',
    path: '/__sandbox/reset',
    kind: 'control',
    handle: ({ state }) => {
      resetState(state);
      return json({ reset: true });
    },
  },
];
