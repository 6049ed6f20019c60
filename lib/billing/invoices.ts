import 'server-only';
import type Stripe from 'stripe';
import { z } from 'zod';

/** An invoice as the billing page shows it. Amounts are in the currency's minor unit (cents). */
export type InvoiceRow = {
  id: string;
  number: string | null;
  status: Stripe.Invoice.Status | null;
  currency: string;
  amountDueCents: number;
  amountPaidCents: number;
  totalCents: number;
  hostedInvoiceUrl: string | null;
  pdfUrl: string | null;
  createdAt: Date;
  periodStart: Date;
  periodEnd: Date;
};

const ZListInvoicesInput = z.strictObject({
  customerId: z.string().startsWith('cus_'),
  limit: z.number().int().min(1).max(100).default(12),
});

const fromUnix = (seconds: number): Date => new Date(seconds * 1000);

/** The customer's most recent invoices, newest first (Stripe's order), read live from Stripe. */
export const listInvoices = async ({
  stripe,
  ...input
}: {
  stripe: Stripe;
  customerId: string;
  limit?: number;
}): Promise<InvoiceRow[]> => {
  const { customerId, limit } = ZListInvoicesInput.parse(input);
  const page = await stripe.invoices.list({ customer: customerId, limit });
  return page.data.map((invoice) => ({
    id: invoice.id,
    number: invoice.number,
    status: invoice.status,
    currency: invoice.currency,
    amountDueCents: invoice.amount_due,
    amountPaidCents: invoice.amount_paid,
    totalCents: invoice.total,
    hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
    pdfUrl: invoice.invoice_pdf ?? null,
    createdAt: fromUnix(invoice.created),
    periodStart: fromUnix(invoice.period_start),
    periodEnd: fromUnix(invoice.period_end),
  }));
};
