import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { tables, type Tx } from '@/lib/db';
import type { BillingSubscriptionStatus } from '@/lib/db/schema/billing-notifications';
import { AppError } from '@/lib/errors';
import { isPlanId } from './plans';
import type { BillingStore } from './store';
import type { SubscriptionState, SubscriptionStatus } from './sync-subscription';

/** The account already pays through another Stripe customer; linking a second one is refused. */
export class BillingCustomerConflictError extends AppError {
  constructor(accountId: string, existingCustomerId: string, customerId: string) {
    super('CONFLICT', 'The account is already linked to another Stripe customer', {
      accountId,
      existingCustomerId,
      customerId,
    });
    this.name = 'BillingCustomerConflictError';
  }
}

/**
 * The BillingStore over public.account_billing, inside the caller's transaction (system path: the
 * sync job). Saving a state also mirrors the plan onto accounts.plan_id, which the admin page and
 * reports read: the paid plan while the subscription entitles, otherwise 'none'.
 */
export const createPostgresBillingStore = (tx: Tx): BillingStore => ({
  async findAccountIdByCustomerId(customerId) {
    const [row] = await tx
      .select({ accountId: tables.accountBilling.accountId })
      .from(tables.accountBilling)
      .where(eq(tables.accountBilling.stripeCustomerId, customerId));
    return row?.accountId ?? null;
  },

  async linkCustomer({ accountId, customerId }) {
    const [existing] = await tx
      .select({
        customerId: tables.accountBilling.stripeCustomerId,
        entitled: tables.accountBilling.entitled,
      })
      .from(tables.accountBilling)
      .where(eq(tables.accountBilling.accountId, accountId))
      .for('update');
    if (existing?.customerId === customerId) return;
    if (!existing) {
      await tx.insert(tables.accountBilling).values({ accountId, stripeCustomerId: customerId });
      return;
    }
    // A customer without an entitling subscription (an abandoned first checkout) may be replaced;
    // one that is paying may not, or the account would silently lose track of its subscription.
    if (existing.entitled) throw new BillingCustomerConflictError(accountId, existing.customerId, customerId);
    await tx
      .update(tables.accountBilling)
      .set({
        stripeCustomerId: customerId,
        status: 'none',
        planId: null,
        entitled: false,
        updatedAt: sql`now()`,
      })
      .where(eq(tables.accountBilling.accountId, accountId));
  },

  async saveSubscriptionState({ accountId, state }) {
    const values = {
      stripeCustomerId: state.customerId,
      stripeSubscriptionId: state.subscriptionId,
      status: state.status as BillingSubscriptionStatus,
      planId: state.planId === 'local' ? null : state.planId,
      priceId: state.priceId,
      currentPeriodStart: state.currentPeriodStart,
      currentPeriodEnd: state.currentPeriodEnd,
      cancelAtPeriodEnd: state.cancelAtPeriodEnd,
      entitled: state.entitled,
      syncedAt: sql`now()`,
      updatedAt: sql`now()`,
    };
    await tx
      .insert(tables.accountBilling)
      .values({ accountId, ...values })
      .onConflictDoUpdate({ target: tables.accountBilling.accountId, set: values });
    await tx
      .update(tables.accounts)
      .set({ planId: state.entitled && state.planId ? state.planId : 'none', updatedAt: sql`now()` })
      .where(eq(tables.accounts.id, accountId));
  },
});

/** The account's stored subscription projection, or null when it never had a Stripe customer. */
export async function readStoredSubscription(tx: Tx, accountId: string): Promise<SubscriptionState | null> {
  const [row] = await tx
    .select()
    .from(tables.accountBilling)
    .where(eq(tables.accountBilling.accountId, accountId));
  if (!row) return null;
  return {
    customerId: row.stripeCustomerId,
    subscriptionId: row.stripeSubscriptionId,
    status: row.status as SubscriptionStatus,
    planId: isPlanId(row.planId) ? row.planId : null,
    priceId: row.priceId,
    currentPeriodStart: row.currentPeriodStart,
    currentPeriodEnd: row.currentPeriodEnd,
    cancelAtPeriodEnd: row.cancelAtPeriodEnd,
    entitled: row.entitled,
  };
}
