import { z } from 'zod';
import { escapeHtml, html, json, redirect, resourceMissing } from '../http';
import { clone, type PortalSessionObject, type SubscriptionObject } from '../objects';
import { formExpand, formOptionalString, readParams } from '../params';
import type { Route, RouteContext } from '../router';
import { changeSubscription, isEnded } from '../subscription-operations';
import { deliverEvents } from '../webhooks';

const ZCreatePortalSession = z.strictObject({
  customer: z.string(),
  return_url: formOptionalString.pipe(z.url().optional()),
  configuration: z.string().optional(),
  locale: z.string().optional(),
  expand: formExpand,
});

const currentSubscription = (context: RouteContext, customerId: string): SubscriptionObject | undefined =>
  [...context.state.subscriptions.values()]
    .reverse()
    .find((sub) => sub.customer === customerId && !isEnded(sub));

const date = (unixSeconds: number | undefined) =>
  unixSeconds ? new Date(unixSeconds * 1000).toISOString().slice(0, 10) : '—';

const renderPortal = (context: RouteContext, session: PortalSessionObject): string => {
  const subscription = currentSubscription(context, session.customer);
  const item = subscription?.items.data[0];
  const invoices = [...context.state.invoices.values()]
    .filter((invoice) => invoice.customer === session.customer)
    .reverse();
  const plan = subscription
    ? `<p>Plan: <strong>${escapeHtml(item?.price.nickname ?? item?.price.lookup_key ?? item?.price.id ?? '')}</strong>,
       status <strong>${escapeHtml(subscription.status)}</strong>, current period ends ${date(item?.current_period_end)}${
         subscription.cancel_at_period_end ? ' — <strong>cancels at period end</strong>' : ''
       }</p>
       <form method="post" action="/billing_portal/${escapeHtml(session.id)}/toggle-cancel">
         <button type="submit">${subscription.cancel_at_period_end ? 'Resume subscription' : 'Cancel at period end'}</button>
       </form>`
    : '<p>No active subscription.</p>';
  const rows = invoices
    .map(
      (invoice) =>
        `<li><a href="${escapeHtml(invoice.hosted_invoice_url)}">${escapeHtml(invoice.number)}</a> ${(invoice.total / 100).toFixed(2)} ${escapeHtml(invoice.currency.toUpperCase())} — ${escapeHtml(invoice.status)}</li>`,
    )
    .join('');
  const back = session.return_url
    ? `<p><a href="${escapeHtml(session.return_url)}">Return to CreatorFlow</a></p>`
    : '';
  return `<!doctype html><title>Billing portal (Stripe stand-in)</title><main>
    <h1>Billing portal</h1>${plan}<h2>Invoices</h2><ul>${rows || '<li>None yet</li>'}</ul>${back}</main>`;
};

const requireSession = (context: RouteContext) => context.state.portalSessions.get(context.path.id ?? '');

export const billingPortalRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v1/billing_portal/sessions',
    kind: 'api',
    handle: ({ state, params }) => {
      const input = readParams(ZCreatePortalSession, params);
      if (!state.customers.has(input.customer)) throw resourceMissing('customer', input.customer, 'customer');
      const id = state.newId('bps');
      const session: PortalSessionObject = {
        id,
        object: 'billing_portal.session',
        configuration: input.configuration ?? 'bpc_sandbox_default',
        created: state.now(),
        customer: input.customer,
        flow: null,
        livemode: false,
        locale: input.locale ?? null,
        on_behalf_of: null,
        return_url: input.return_url ?? null,
        url: `${state.publicUrl}/billing_portal/${id}`,
      };
      state.portalSessions.set(id, session);
      return json(clone(session));
    },
  },
  {
    method: 'GET',
    path: '/billing_portal/:id',
    kind: 'page',
    handle: (context) => {
      const session = requireSession(context);
      return session ? html(renderPortal(context, session)) : html('<h1>Portal session not found</h1>', 404);
    },
  },
  {
    method: 'POST',
    path: '/billing_portal/:id/toggle-cancel',
    kind: 'page',
    handle: async (context) => {
      const session = requireSession(context);
      if (!session) return html('<h1>Portal session not found</h1>', 404);
      const subscription = currentSubscription(context, session.customer);
      if (subscription) {
        const change = { cancelAtPeriodEnd: !subscription.cancel_at_period_end };
        await deliverEvents(context.state, changeSubscription(context.state, subscription, change).events);
      }
      return redirect(`/billing_portal/${session.id}`);
    },
  },
];
