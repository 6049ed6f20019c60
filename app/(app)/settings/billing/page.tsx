import { CreditCard } from 'lucide-react';
import type { Metadata } from 'next';
import { CurrentPlanCard } from '@/components/billing/current-plan-card';
import { InvoiceTable } from '@/components/billing/invoice-table';
import { PlanLimitBannerView } from '@/components/billing/plan-limit-banner';
import { PlanPicker } from '@/components/billing/plan-picker';
import { EmptyState } from '@/components/shared/empty-state';
import { PageHeader } from '@/components/shared/page-header';
import { getAccountContext } from '@/lib/accounts';
import { getBillingConfig, getBillingOverview } from '@/lib/billing';

export const metadata: Metadata = { title: 'Billing' };

const CHECKOUT_NOTICE: Record<string, string> = {
  success: 'Payment received. Your plan updates here as soon as Stripe confirms it (usually a few seconds).',
  cancelled: 'Checkout was cancelled; nothing was charged.',
};

export default async function BillingPage({
  searchParams,
}: {
  searchParams: Promise<{ checkout?: string }>;
}) {
  const context = await getAccountContext('/settings/billing');
  const overview = await getBillingOverview(context, getBillingConfig());
  const { checkout } = await searchParams;
  const { usage } = overview;

  return (
    <>
      <PageHeader title="Billing" description="Your plan, this period's usage and invoices." />
      {checkout && CHECKOUT_NOTICE[checkout] ? (
        <p role="status" className="mb-6 rounded-md border bg-card px-4 py-3 text-sm">
          {CHECKOUT_NOTICE[checkout]}
        </p>
      ) : null}
      {usage.evaluation.labelsPaused ? (
        <PlanLimitBannerView
          reason={usage.reason}
          planName={usage.plan?.name ?? null}
          used={usage.evaluation.used}
          allowance={usage.evaluation.allowance}
          resetsOn={usage.period.end}
          canManageBilling={overview.canManage}
        />
      ) : null}

      <div className="space-y-6">
        {!overview.billingEnabled ? (
          <section
            data-testid="billing-not-configured"
            aria-labelledby="billing-off-heading"
            className="rounded-xl border border-dashed bg-card p-5 text-sm"
          >
            <h2 id="billing-off-heading" className="font-semibold">
              Billing is not configured
            </h2>
            <p className="mt-1 text-muted-foreground">
              This deployment has no Stripe keys, so every account is on the <strong>Local</strong> plan:
              nothing to pay, and automatic labels for up to{' '}
              {usage.evaluation.allowance.toLocaleString('en-US')} orders a month. Set STRIPE_SECRET_KEY and
              STRIPE_WEBHOOK_SECRET to sell the Starter, Growth and Pro plans.
            </p>
          </section>
        ) : null}

        <CurrentPlanCard usage={usage} />

        {overview.billingEnabled ? (
          <section aria-labelledby="plans-heading" className="space-y-3">
            <h2 id="plans-heading" className="text-lg font-semibold">
              Plans
            </h2>
            <PlanPicker
              plans={overview.paidPlans.map(({ id, name, priceCents, currency, monthlyOrderAllowance }) => ({
                id,
                name,
                priceCents,
                currency,
                monthlyOrderAllowance,
              }))}
              currentPlanId={usage.plan?.id ?? 'none'}
              subscribed={Boolean(usage.subscription?.entitled)}
              hasCustomer={Boolean(usage.subscription)}
              canManage={overview.canManage}
            />
          </section>
        ) : null}

        {overview.billingEnabled ? (
          <section aria-labelledby="invoices-heading" className="space-y-3 rounded-xl border bg-card p-4">
            <h2 id="invoices-heading" className="font-semibold">
              Invoices
            </h2>
            {overview.invoicesUnavailable ? (
              <p role="alert" className="text-sm text-muted-foreground">
                Invoices could not be loaded from Stripe right now. Try again in a minute.
              </p>
            ) : overview.invoices ? (
              <InvoiceTable invoices={overview.invoices} />
            ) : (
              <EmptyState
                icon={CreditCard}
                title="No invoices yet"
                description="Invoices appear here once you subscribe to a plan."
              />
            )}
          </section>
        ) : null}
      </div>
    </>
  );
}
