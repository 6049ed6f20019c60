import 'server-only';
import { sql } from 'drizzle-orm';
import type { Tx } from '@/lib/db';
import { readAccountName } from './queries';
import {
  appLink,
  enqueueAccountEmail,
  enqueueEmail,
  type AccountEmailProps,
  type EnqueueEmailResult,
} from './enqueue-email';
import type { TeamInvitationProps } from './schemas';

// Emails about the account itself. Recipients: the account's owners (enqueueAccountEmail), except
// the welcome email (the person who signed up) and invitations (the invitee). Each key is unique
// across the platform and names what makes the email happen once.

/** Welcome email to the creator who just created the account. Key `creator-welcome:<userId>:<accountId>`. */
export async function enqueueCreatorWelcomeEmail(
  tx: Tx,
  input: { accountId: string; userId: string },
): Promise<EnqueueEmailResult> {
  const idempotencyKey = `creator-welcome:${input.userId}:${input.accountId}`;
  const result = await tx.execute<{ email: string | null; full_name: string | null }>(sql`
    select u.email, p.full_name from auth.users u left join public.profiles p on p.id = u.id
    where u.id = ${input.userId}`);
  const user = result.rows[0];
  if (!user?.email) return { enqueued: false, idempotencyKey, reason: 'no_recipient' };
  const firstName = user.full_name?.trim().split(/\s+/)[0]?.slice(0, 80) || 'there';
  return enqueueEmail(tx, {
    accountId: input.accountId,
    template: 'creator-welcome',
    props: {
      firstName,
      accountName: await readAccountName(tx, input.accountId),
      dashboardUrl: appLink('/orders'),
      connectShopUrl: appLink('/settings'),
      preferencesUrl: appLink('/settings/notifications'),
    },
    to: user.email,
    idempotencyKey,
  });
}

/**
 * "You've used your plan's orders" to the owners, once per account and usage period:
 * key `plan-limit-reached:<accountId>:<period start ISO>`. Called by billing when an account
 * first goes over its allowance in a period.
 */
export async function enqueuePlanLimitReachedEmail(
  tx: Tx,
  input: {
    accountId: string;
    planName: string;
    allowance: number;
    used: number;
    periodStart: Date;
    periodEnd: Date;
  },
): Promise<EnqueueEmailResult> {
  return enqueueAccountEmail(tx, {
    accountId: input.accountId,
    template: 'plan-limit-reached',
    props: {
      accountName: await readAccountName(tx, input.accountId),
      planName: input.planName,
      limitName: 'orders',
      allowance: input.allowance,
      used: input.used,
      resetsOn: input.periodEnd.toISOString().slice(0, 10),
      pausedFeatures: ['Automatic shipping labels (orders keep arriving and can be labelled by hand)'],
      upgradeUrl: appLink('/settings/billing'),
    },
    idempotencyKey: `plan-limit-reached:${input.accountId}:${input.periodStart.toISOString()}`,
  });
}

/** Invitation to join an account, to the invitee. Key `team-invitation:<invitationId>`. */
export async function enqueueTeamInvitationEmail(
  tx: Tx,
  input: { accountId: string; invitationId: string } & Omit<TeamInvitationProps, 'accountName'>,
): Promise<EnqueueEmailResult> {
  const { accountId, invitationId, ...props } = input;
  return enqueueEmail(tx, {
    accountId,
    template: 'team-invitation',
    props: { ...props, accountName: await readAccountName(tx, accountId) },
    to: props.inviteeEmail,
    idempotencyKey: `team-invitation:${invitationId}`,
  });
}

/** Payout summary to the owners. Key `payout-processed:<accountId>:<payoutId>`. */
export async function enqueuePayoutProcessedEmail(
  tx: Tx,
  input: { accountId: string; props: Omit<AccountEmailProps<'payout-processed'>, 'dashboardUrl'> },
): Promise<EnqueueEmailResult> {
  return enqueueAccountEmail(tx, {
    accountId: input.accountId,
    template: 'payout-processed',
    props: { ...input.props, dashboardUrl: appLink('/analytics') },
    idempotencyKey: `payout-processed:${input.accountId}:${input.props.payoutId}`,
  });
}

/** Weekly report to the owners. Key `weekly-performance-report:<accountId>:<weekStart>`. */
export async function enqueueWeeklyPerformanceReportEmail(
  tx: Tx,
  input: { accountId: string; props: Omit<AccountEmailProps<'weekly-performance-report'>, 'dashboardUrl'> },
): Promise<EnqueueEmailResult> {
  return enqueueAccountEmail(tx, {
    accountId: input.accountId,
    template: 'weekly-performance-report',
    props: { ...input.props, dashboardUrl: appLink('/analytics') },
    idempotencyKey: `weekly-performance-report:${input.accountId}:${input.props.weekStart}`,
  });
}
