import 'server-only';
import { sql } from 'drizzle-orm';
import { trackSafely } from '@/lib/analytics/server';
import type { Tx } from '@/lib/db';
import { enqueuePlanLimitReachedEmail } from '@/lib/email/enqueue-account-emails';
import type { PlanUsage } from './plan-usage';

/**
 * Tells the account it went over its plan, once per plan and period: an open `plan_limit` alert
 * (the dashboard banner and alert list show it) and ONE plan-limit-reached email per period to
 * the owners, enqueued in the caller's transaction. Concurrent callers race on the alerts'
 * unique (account_id, dedupe_key) index, so exactly one of them raises it. System path only.
 */
export async function raisePlanLimitReached(
  tx: Tx,
  accountId: string,
  usage: PlanUsage,
): Promise<{ raised: boolean }> {
  const { plan, period, evaluation } = usage;
  if (!plan || !evaluation.overLimit) return { raised: false };
  const dedupeKey = `plan_limit:${plan.id}:${period.start.toISOString()}`;
  const title = `Automatic labels paused: ${plan.name} plan limit reached`;
  const body =
    `${evaluation.used} orders this period on a plan that includes ${evaluation.allowance}. ` +
    'New orders keep arriving and can be labelled by hand; upgrade to resume automatic labels.';
  // "where not exists" also covers an alert someone resolved earlier in the same period.
  const inserted = await tx.execute<{ id: string }>(sql`
    insert into public.alerts (account_id, kind, severity, title, body, entity_type, entity_id, dedupe_key)
    select ${accountId}, 'plan_limit', 'critical', ${title}, ${body}, 'plan', ${plan.id}, ${dedupeKey}
    where not exists (
      select 1 from public.alerts where account_id = ${accountId} and dedupe_key = ${dedupeKey}
    )
    on conflict (account_id, dedupe_key) where resolved_at is null do nothing
    returning id`);
  if (inserted.rows.length === 0) return { raised: false };

  await enqueuePlanLimitReachedEmail(tx, {
    accountId,
    planName: plan.name,
    allowance: evaluation.allowance,
    used: evaluation.used,
    periodStart: period.start,
    periodEnd: period.end,
  });
  trackSafely('plan_limit_reached', (analytics) =>
    analytics.trackPlanLimitReached({
      accountId,
      planId: plan.id,
      allowance: evaluation.allowance,
      used: evaluation.used,
      periodStart: period.start.toISOString(),
    }),
  );
  return { raised: true };
}

/** Closes open plan-limit alerts once the account is back within its allowance (upgrade, new period). */
export async function resolvePlanLimitAlerts(tx: Tx, accountId: string): Promise<void> {
  await tx.execute(sql`
    update public.alerts set resolved_at = now()
    where account_id = ${accountId} and kind = 'plan_limit' and resolved_at is null`);
}
