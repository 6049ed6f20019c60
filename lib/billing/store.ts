import type { SubscriptionState } from './sync-subscription';

/**
 * The persistence billing needs, implemented by the caller over its own tables (accounts'
 * Stripe customer id, the subscriptions projection). Kept this small so the domain logic can run
 * against an in-memory fake in unit tests and against Postgres in the app.
 */
export type BillingStore = {
  /** The account linked to a Stripe customer, or null when none is. */
  findAccountIdByCustomerId(customerId: string): Promise<string | null>;
  /** Links a customer to an account. Must be idempotent: linking the same pair twice is a no-op. */
  linkCustomer(input: { accountId: string; customerId: string }): Promise<void>;
  /**
   * Replaces the account's subscription projection. The state is always a fresh read from Stripe,
   * so last write wins; callers serialise syncs per customer (e.g. a pg-boss singletonKey of the
   * customer id) so that an older read cannot land after a newer one.
   */
  saveSubscriptionState(input: { accountId: string; state: SubscriptionState }): Promise<void>;
};

/** An in-memory BillingStore for tests, scripts and demos. Not for production. */
export const createMemoryBillingStore = () => {
  const accountByCustomer = new Map<string, string>();
  const stateByAccount = new Map<string, SubscriptionState>();
  const store: BillingStore = {
    findAccountIdByCustomerId: async (customerId) => accountByCustomer.get(customerId) ?? null,
    linkCustomer: async ({ accountId, customerId }) => {
      accountByCustomer.set(customerId, accountId);
    },
    saveSubscriptionState: async ({ accountId, state }) => {
      stateByAccount.set(accountId, state);
    },
  };
  return { store, stateFor: (accountId: string) => stateByAccount.get(accountId) ?? null };
};
