import { z } from 'zod';
import { json, resourceMissing } from '../http';
import { clone, listOf, type SubscriptionObject } from '../objects';
import { formBoolean, formExpand, formInteger, formMetadata, listParams, readParams } from '../params';
import type { Route, RouteContext } from '../router';
import { changeSubscription } from '../subscription-operations';
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

const ZListSubscriptions = z.strictObject({
  customer: z.string().optional(),
  price: z.string().optional(),
  status: z.enum([...STATUSES, 'all', 'ended']).optional(),
  ...listParams,
});

const ZUpdateSubscription = z.strictObject({
  cancel_at_period_end: formBoolean.optional(),
  items: z
    .array(
      z.strictObject({
        id: z.string().optional(),
        price: z.string().optional(),
        quantity: formInteger(1, 10_000).optional(),
      }),
    )
    .max(1, 'The stand-in updates one subscription item at a time')
    .optional(),
  metadata: formMetadata.optional(),
  proration_behavior: z.enum(['create_prorations', 'none', 'always_invoice']).optional(),
  payment_behavior: z
    .enum(['allow_incomplete', 'default_incomplete', 'error_if_incomplete', 'pending_if_incomplete'])
    .optional(),
  expand: formExpand,
});

// Stripe's default (no status) lists everything that has not been canceled.
const matchesStatus = (subscription: SubscriptionObject, status: string | undefined) => {
  if (status === 'all') return true;
  if (status === 'ended')
    return subscription.status === 'canceled' || subscription.status === 'incomplete_expired';
  if (status === undefined) return subscription.status !== 'canceled';
  return subscription.status === status;
};

const requireSubscription = ({ state, path }: RouteContext): SubscriptionObject => {
  const subscription = state.subscriptions.get(path.id ?? '');
  if (!subscription) throw resourceMissing('subscription', path.id ?? '');
  return subscription;
};

export const subscriptionRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/subscriptions',
    kind: 'api',
    handle: ({ state, params }) => {
      const query = readParams(ZListSubscriptions, params);
      if (query.customer && !state.customers.has(query.customer)) {
        throw resourceMissing('customer', query.customer, 'customer');
      }
      const matching = [...state.subscriptions.values()].filter(
        (subscription) =>
          (!query.customer || subscription.customer === query.customer) &&
          (!query.price || subscription.items.data.some((item) => item.price.id === query.price)) &&
          matchesStatus(subscription, query.status),
      );
      return json(
        listOf(matching, {
          url: '/v1/subscriptions',
          limit: query.limit,
          startingAfter: query.starting_after,
        }),
      );
    },
  },
  {
    method: 'GET',
    path: '/v1/subscriptions/:id',
    kind: 'api',
    handle: (context) => {
      readParams(z.strictObject({ expand: formExpand }), context.params);
      return json(clone(requireSubscription(context)));
    },
  },
  {
    method: 'POST',
    path: '/v1/subscriptions/:id',
    kind: 'api',
    handle: async (context) => {
      const params = readParams(ZUpdateSubscription, context.params);
      const item = params.items?.[0];
      const { object, events } = changeSubscription(context.state, requireSubscription(context), {
        ...(item?.id !== undefined ? { itemId: item.id } : {}),
        ...(item?.price !== undefined ? { priceId: item.price } : {}),
        ...(item?.quantity !== undefined ? { quantity: item.quantity } : {}),
        ...(params.cancel_at_period_end !== undefined
          ? { cancelAtPeriodEnd: params.cancel_at_period_end }
          : {}),
        ...(params.metadata !== undefined ? { metadata: params.metadata } : {}),
      });
      await deliverEvents(context.state, events);
      return json(clone(object));
    },
  },
  {
    method: 'DELETE',
    path: '/v1/subscriptions/:id',
    kind: 'api',
    handle: async (context) => {
      readParams(
        z.strictObject({ invoice_now: formBoolean.optional(), prorate: formBoolean.optional() }),
        context.params,
      );
      const { object, events } = changeSubscription(context.state, requireSubscription(context), {
        status: 'canceled',
      });
      await deliverEvents(context.state, events);
      return json(clone(object));
    },
  },
];
