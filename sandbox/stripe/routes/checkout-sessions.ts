import { z } from 'zod';
import { completeCheckout } from '../customer-operations';
import { html, invalidRequest, json, redirect, resourceMissing } from '../http';
import { clone, type CheckoutSessionObject } from '../objects';
import {
  formBoolean,
  formExpand,
  formInteger,
  formMetadata,
  formOptionalString,
  readParams,
} from '../params';
import type { Route } from '../router';
import { requirePrice } from '../subscription-operations';
import { deliverEvents } from '../webhooks';

const ZCreateSession = z.strictObject({
  mode: z.string(),
  line_items: z
    .array(z.strictObject({ price: z.string(), quantity: formInteger(1, 10_000).optional() }))
    .min(1),
  customer: formOptionalString,
  customer_email: formOptionalString.pipe(z.email().optional()),
  client_reference_id: formOptionalString.pipe(z.string().max(200).optional()),
  metadata: formMetadata.optional(),
  subscription_data: z
    .strictObject({ metadata: formMetadata.optional(), description: z.string().optional() })
    .optional(),
  success_url: z.url(),
  cancel_url: formOptionalString.pipe(z.url().optional()),
  allow_promotion_codes: formBoolean.optional(),
  billing_address_collection: z.enum(['auto', 'required']).optional(),
  expand: formExpand,
});

const SESSION_LIFETIME_SECONDS = 24 * 60 * 60;

export const checkoutSessionRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/checkout/sessions',
    kind: 'api',
    handle: ({ state, params }) => {
      const input = readParams(ZCreateSession, params);
      if (input.mode !== 'subscription') {
        throw invalidRequest(
          'The Stripe stand-in supports Checkout in mode=subscription only.',
          undefined,
          'mode',
        );
      }
      if (input.customer && input.customer_email) {
        throw invalidRequest(
          'You may only specify one of these parameters: customer, customer_email.',
          undefined,
          'customer',
        );
      }
      if (input.customer && !state.customers.has(input.customer)) {
        throw resourceMissing('customer', input.customer, 'customer');
      }
      const lineItems = input.line_items.map((item, index) => {
        const price = requirePrice(state, item.price, `line_items[${index}][price]`);
        return {
          price: price.id,
          quantity: item.quantity ?? 1,
          amount: price.unit_amount * (item.quantity ?? 1),
        };
      });
      const id = state.newId('cs_test', 58);
      const now = state.now();
      const total = lineItems.reduce((sum, item) => sum + item.amount, 0);
      const session: CheckoutSessionObject = {
        id,
        object: 'checkout.session',
        amount_subtotal: total,
        amount_total: total,
        cancel_url: input.cancel_url ?? null,
        client_reference_id: input.client_reference_id ?? null,
        created: now,
        currency: state.prices.get(lineItems[0]?.price ?? '')?.currency ?? 'usd',
        customer: input.customer ?? null,
        customer_email: input.customer_email ?? null,
        expires_at: now + SESSION_LIFETIME_SECONDS,
        invoice: null,
        livemode: false,
        metadata: input.metadata ?? {},
        mode: 'subscription',
        payment_status: 'unpaid',
        status: 'open',
        subscription: null,
        success_url: input.success_url,
        url: `${state.publicUrl}/checkout/${id}`,
      };
      state.checkoutSessions.set(id, {
        session,
        lineItems: lineItems.map(({ price, quantity }) => ({ price, quantity })),
        subscriptionMetadata: input.subscription_data?.metadata ?? {},
      });
      return json(clone(session));
    },
  },
  {
    method: 'GET',
    path: '/v1/checkout/sessions/:id',
    kind: 'api',
    handle: ({ state, params, path }) => {
      readParams(z.strictObject({ expand: formExpand }), params);
      const record = state.checkoutSessions.get(path.id ?? '');
      if (!record) throw resourceMissing('checkout.session', path.id ?? '');
      return json(clone(record.session));
    },
  },
  {
    // The hosted Checkout page. Opening it pays: the subscription starts, the webhooks are
    // delivered (awaited), then the browser is sent to success_url. `?action=cancel` goes back.
    method: 'GET',
    path: '/checkout/:id',
    kind: 'page',
    handle: async ({ state, path, url }) => {
      const record = state.checkoutSessions.get(path.id ?? '');
      if (!record) return html('<h1>Checkout session not found</h1>', 404);
      const { session } = record;
      if (url.searchParams.get('action') === 'cancel') {
        if (session.status !== 'open' || !session.cancel_url) return html('<h1>Nothing to cancel</h1>', 409);
        return redirect(session.cancel_url);
      }
      if (session.status === 'expired') return html('<h1>This Checkout session has expired</h1>', 410);
      const completed = completeCheckout(state, session.id);
      if (completed) await deliverEvents(state, completed.events);
      const target = session.success_url.replaceAll('{CHECKOUT_SESSION_ID}', encodeURIComponent(session.id));
      return redirect(target);
    },
  },
];
