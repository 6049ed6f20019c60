import 'server-only';
import { can, type AccountContext } from '@/lib/accounts';
import { withRls } from '@/lib/db';
import { logger } from '@/lib/logger';
import type { BillingConfig } from './config';
import { listInvoices, type InvoiceRow } from './invoices';
import { PAID_PLAN_IDS, type Plan } from './plans';
import { readPlanUsage, type PlanUsage } from './plan-usage';

export type BillingOverview = {
  billingEnabled: boolean;
  usage: PlanUsage;
  /** The plans an owner can choose between (paid plans only; `local` is never sold). */
  paidPlans: Plan[];
  /** Null when there is nothing to list (billing off, no customer) or Stripe could not be read. */
  invoices: InvoiceRow[] | null;
  invoicesUnavailable: boolean;
  canManage: boolean;
};

/**
 * Everything the billing page shows, read under the member's RLS context; invoices come live from
 * Stripe (never stored). A Stripe outage degrades to "invoices unavailable", not a broken page.
 */
export async function getBillingOverview(
  context: Pick<AccountContext, 'accountId' | 'claims' | 'role'>,
  config: BillingConfig,
  now = new Date(),
): Promise<BillingOverview> {
  const usage = await withRls(context.claims, (tx) =>
    readPlanUsage(tx, context.accountId, { billingEnabled: config.enabled, plans: config.plans, now }),
  );
  const paidPlans = config.plans.filter((plan) => (PAID_PLAN_IDS as readonly string[]).includes(plan.id));
  let invoices: InvoiceRow[] | null = null;
  let invoicesUnavailable = false;
  if (config.enabled && usage.subscription) {
    try {
      invoices = await listInvoices({ stripe: config.stripe, customerId: usage.subscription.customerId });
    } catch (error) {
      logger.warn({ err: error, accountId: context.accountId }, 'could not list Stripe invoices');
      invoicesUnavailable = true;
    }
  }
  return {
    billingEnabled: config.enabled,
    usage,
    paidPlans,
    invoices,
    invoicesUnavailable,
    canManage: can(context.role, 'billing:manage'),
  };
}
