import { z } from 'zod';
import { escapeHtml, html, json, resourceMissing } from '../http';
import { clone, listOf } from '../objects';
import { formExpand, listParams, readParams } from '../params';
import type { Route } from '../router';

const ZListInvoices = z.strictObject({
  customer: z.string().optional(),
  subscription: z.string().optional(),
  status: z.enum(['draft', 'open', 'paid', 'uncollectible', 'void']).optional(),
  ...listParams,
});

export const invoiceRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v1/invoices',
    kind: 'api',
    handle: ({ state, params }) => {
      const query = readParams(ZListInvoices, params);
      if (query.customer && !state.customers.has(query.customer)) {
        throw resourceMissing('customer', query.customer, 'customer');
      }
      const matching = [...state.invoices.values()].filter(
        (invoice) =>
          (!query.customer || invoice.customer === query.customer) &&
          (!query.subscription || invoice.parent.subscription_details.subscription === query.subscription) &&
          (!query.status || invoice.status === query.status),
      );
      return json(
        listOf(matching, { url: '/v1/invoices', limit: query.limit, startingAfter: query.starting_after }),
      );
    },
  },
  {
    method: 'GET',
    path: '/v1/invoices/:id',
    kind: 'api',
    handle: ({ state, params, path }) => {
      readParams(z.strictObject({ expand: formExpand }), params);
      const invoice = state.invoices.get(path.id ?? '');
      if (!invoice) throw resourceMissing('invoice', path.id ?? '');
      return json(clone(invoice));
    },
  },
  {
    // hosted_invoice_url
    method: 'GET',
    path: '/invoices/:id',
    kind: 'page',
    handle: ({ state, path }) => {
      const invoice = state.invoices.get(path.id ?? '');
      if (!invoice) return html('<h1>Invoice not found</h1>', 404);
      const day = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);
      return html(`<!doctype html><title>Invoice ${escapeHtml(invoice.number)}</title><main>
        <h1>Invoice ${escapeHtml(invoice.number)}</h1>
        <p>Status: <strong>${escapeHtml(invoice.status)}</strong></p>
        <p>Amount: ${(invoice.total / 100).toFixed(2)} ${escapeHtml(invoice.currency.toUpperCase())}</p>
        <p>Period: ${day(invoice.period_start)} – ${day(invoice.period_end)}</p></main>`);
    },
  },
];
