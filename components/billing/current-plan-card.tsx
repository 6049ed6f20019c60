import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { PlanUsage } from '@/lib/billing';
import { AllowanceBar } from './allowance-bar';
import { formatDay } from './format';
import { StatusBadge, type StatusTone } from './status-badge';

const STATUS_LABEL: Record<string, { text: string; tone: StatusTone }> = {
  active: { text: 'Active', tone: 'good' },
  trialing: { text: 'Trial', tone: 'good' },
  past_due: { text: 'Payment failed, retrying', tone: 'warn' },
  unpaid: { text: 'Unpaid', tone: 'bad' },
  canceled: { text: 'Canceled', tone: 'neutral' },
  incomplete: { text: 'Awaiting payment', tone: 'warn' },
  incomplete_expired: { text: 'Expired', tone: 'neutral' },
  paused: { text: 'Paused', tone: 'neutral' },
};

/** The plan the account is on now and how much of it this period's orders use. */
export function CurrentPlanCard({ usage }: { usage: PlanUsage }) {
  const { plan, subscription, period, evaluation } = usage;
  const status =
    subscription && subscription.status !== 'none' ? STATUS_LABEL[subscription.status] : undefined;
  return (
    <Card>
      <CardHeader>
        <CardDescription>Current plan</CardDescription>
        <CardTitle className="flex items-center gap-3 text-2xl" data-testid="current-plan">
          {plan ? plan.name : 'No plan'}
          {status ? <StatusBadge tone={status.tone}>{status.text}</StatusBadge> : null}
        </CardTitle>
        {subscription?.cancelAtPeriodEnd && subscription.currentPeriodEnd ? (
          <p className="text-sm font-medium">
            Cancels on {formatDay(subscription.currentPeriodEnd)}; automatic labels stop then.
          </p>
        ) : null}
      </CardHeader>
      <CardContent className="space-y-3">
        {plan ? (
          <AllowanceBar used={evaluation.used} allowance={evaluation.allowance} label="Orders this period" />
        ) : (
          <p className="text-sm text-muted-foreground">
            {evaluation.used} orders this period. Choose a plan below to turn on automatic shipping labels;
            orders keep arriving either way.
          </p>
        )}
        <p className="text-xs text-muted-foreground">
          Period {formatDay(period.start)} – {formatDay(new Date(period.end.getTime() - 1))}. Orders past the
          allowance are still received and can be labelled by hand; automatic labels pause until the plan
          changes or the period resets.
        </p>
      </CardContent>
    </Card>
  );
}
