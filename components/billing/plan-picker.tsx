'use client';

import { Check } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { useTrack } from '@/lib/analytics/client';
import { cn } from '@/lib/utils';
import { formatCents, formatCount } from './format';
import { useBillingRedirect } from './use-billing-redirect';

export type PickablePlan = {
  id: string;
  name: string;
  priceCents: number;
  currency: string;
  monthlyOrderAllowance: number;
};

/**
 * The paid plans with an upgrade button each (Stripe Checkout). An account that already pays
 * changes plan, card or cancels in the Stripe Customer Portal, so its buttons open the portal.
 */
export function PlanPicker({
  plans,
  currentPlanId,
  subscribed,
  hasCustomer,
  canManage,
}: {
  plans: PickablePlan[];
  currentPlanId: string;
  subscribed: boolean;
  hasCustomer: boolean;
  canManage: boolean;
}) {
  const { go, pending, error } = useBillingRedirect();
  const track = useTrack();

  const choose = (planId: string) => {
    track('plan_upgrade_clicked', { fromPlan: currentPlanId, toPlan: planId, screen: 'billing' });
    void (subscribed
      ? go(planId, '/api/billing/portal')
      : go(planId, '/api/billing/checkout', { plan: planId }));
  };

  return (
    <div className="space-y-4">
      <ul className="grid gap-4 md:grid-cols-3" aria-label="Plans">
        {plans.map((plan) => {
          const current = plan.id === currentPlanId;
          return (
            <li
              key={plan.id}
              className={cn(
                'flex flex-col gap-3 rounded-xl border bg-card p-5',
                current && 'border-brand ring-1 ring-brand',
              )}
            >
              <div className="flex items-baseline justify-between">
                <h3 className="font-semibold">{plan.name}</h3>
                <span className="text-sm text-muted-foreground">
                  {formatCents(plan.priceCents, plan.currency)}/mo
                </span>
              </div>
              <p className="text-sm text-muted-foreground">
                {formatCount(plan.monthlyOrderAllowance)} orders a month with automatic labels
              </p>
              {current ? (
                <p className="mt-auto flex items-center gap-1.5 text-sm font-medium">
                  <Check className="size-4 text-success" aria-hidden /> Current plan
                </p>
              ) : (
                <Button
                  className="mt-auto"
                  variant={subscribed ? 'outline' : 'default'}
                  disabled={!canManage || pending !== null}
                  onClick={() => choose(plan.id)}
                >
                  {pending === plan.id
                    ? 'Opening Stripe…'
                    : subscribed
                      ? `Switch to ${plan.name}`
                      : `Upgrade to ${plan.name}`}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      {hasCustomer && canManage ? (
        <Button
          variant="link"
          className="px-0"
          disabled={pending !== null}
          onClick={() => void go('portal', '/api/billing/portal')}
        >
          {pending === 'portal' ? 'Opening Stripe…' : 'Manage billing, payment method and invoices in Stripe'}
        </Button>
      ) : null}
      {!canManage ? (
        <p className="text-sm text-muted-foreground">Only account owners can change the plan.</p>
      ) : null}
      {error ? (
        <p role="alert" className="rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
