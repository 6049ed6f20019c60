import { AlertTriangle } from 'lucide-react';
import Link from 'next/link';
import type { AccountContext } from '@/lib/accounts';
import { getBillingConfig } from '@/lib/billing/config';
import { readPlanUsage, type AllowanceReason } from '@/lib/billing/plan-usage';
import { withRls } from '@/lib/db';
import { formatCount, formatDay } from './format';

export type PlanLimitBannerViewProps = {
  reason: AllowanceReason;
  planName: string | null;
  used: number;
  allowance: number;
  resetsOn: Date;
  canManageBilling: boolean;
};

/**
 * The dashboard-wide notice that automatic labels are paused. Mount it in the app shell:
 * `<PlanLimitBanner context={context} />` (an async Server Component; renders nothing while
 * labels run). It reads the same usage the pipeline's getLabelAllowance uses, with no side effects.
 */
export async function PlanLimitBanner({
  context,
}: {
  context: Pick<AccountContext, 'accountId' | 'claims' | 'role'>;
}) {
  const config = getBillingConfig();
  const usage = await withRls(context.claims, (tx) =>
    readPlanUsage(tx, context.accountId, { billingEnabled: config.enabled, plans: config.plans }),
  );
  if (!usage.evaluation.labelsPaused) return null;
  return (
    <PlanLimitBannerView
      reason={usage.reason}
      planName={usage.plan?.name ?? null}
      used={usage.evaluation.used}
      allowance={usage.evaluation.allowance}
      resetsOn={usage.period.end}
      canManageBilling={context.role === 'owner'}
    />
  );
}

export function PlanLimitBannerView({
  reason,
  planName,
  used,
  allowance,
  resetsOn,
  canManageBilling,
}: PlanLimitBannerViewProps) {
  const message =
    reason === 'no_plan'
      ? 'Automatic shipping labels are off until this account has a plan. Orders keep arriving and can be labelled by hand.'
      : `You've used ${formatCount(used)} of ${formatCount(allowance)} orders on the ${planName} plan this period. ` +
        `Automatic labels are paused until ${formatDay(resetsOn)}; orders keep arriving and can be labelled by hand.`;
  return (
    <div
      role="alert"
      data-testid="plan-limit-banner"
      className="mb-6 flex flex-wrap items-center gap-3 rounded-xl border border-destructive/40 bg-destructive/10 px-4 py-3 text-sm"
    >
      <AlertTriangle className="size-4 shrink-0 text-destructive" aria-hidden />
      <p className="min-w-0 flex-1">
        <strong className="font-semibold">
          {reason === 'no_plan' ? 'Choose a plan' : 'Plan limit reached'}.
        </strong>{' '}
        {message}
      </p>
      <Link href="/settings/billing" className="font-medium underline underline-offset-4">
        {canManageBilling ? (reason === 'no_plan' ? 'Choose a plan' : 'Upgrade') : 'See billing'}
      </Link>
    </div>
  );
}
