import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { can, type AccountContext } from '@/lib/accounts';
import { inPairs, tables, withRls, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import {
  CATEGORY_DEFINITIONS,
  CONFIGURABLE_CATEGORIES,
  isConfigurableCategory,
  type CategoryDefinition,
  type ConfigurableCategory,
  type EmailCategory,
} from './categories';

export type NotificationPreference = CategoryDefinition & {
  category: ConfigurableCategory;
  enabled: boolean;
  /** True while nobody has chosen for this account: `enabled` is the category default. */
  isDefault: boolean;
};

/** Every configurable category with the account's choice, or the default. Works under RLS or system. */
export async function listNotificationPreferences(
  tx: Tx,
  accountId: string,
): Promise<NotificationPreference[]> {
  const rows = await tx
    .select({
      category: tables.notificationPreferences.category,
      enabled: tables.notificationPreferences.enabled,
    })
    .from(tables.notificationPreferences)
    .where(eq(tables.notificationPreferences.accountId, accountId));
  const chosen = new Map(rows.map((row) => [row.category, row.enabled]));
  return CONFIGURABLE_CATEGORIES.map((category) => ({
    category,
    ...CATEGORY_DEFINITIONS[category],
    enabled: chosen.get(category) ?? CATEGORY_DEFINITIONS[category].defaultEnabled,
    isDefault: !chosen.has(category),
  }));
}

/**
 * Whether emails of each category go out for its account, for many (account, category) pairs, in
 * the same order: one statement for all of them, none when no pair is configurable. Account and
 * billing emails always do.
 */
export async function areEmailCategoriesEnabled(
  tx: Tx,
  pairs: readonly { accountId: string; category: EmailCategory }[],
): Promise<boolean[]> {
  const asked = pairs.filter((pair): pair is { accountId: string; category: ConfigurableCategory } =>
    isConfigurableCategory(pair.category),
  );
  const chosen = new Map<string, boolean>();
  if (asked.length > 0) {
    const { notificationPreferences } = tables;
    const rows = await tx
      .select({
        accountId: notificationPreferences.accountId,
        category: notificationPreferences.category,
        enabled: notificationPreferences.enabled,
      })
      .from(notificationPreferences)
      .where(
        inPairs(
          [notificationPreferences.accountId, notificationPreferences.category],
          asked.map((pair) => [pair.accountId, pair.category]),
          ['uuid', 'text'],
        ),
      );
    for (const row of rows) chosen.set(pairKey(row.accountId, row.category), row.enabled);
  }
  return pairs.map(({ accountId, category }) =>
    isConfigurableCategory(category)
      ? (chosen.get(pairKey(accountId, category)) ?? CATEGORY_DEFINITIONS[category].defaultEnabled)
      : true,
  );
}

const pairKey = (accountId: string, category: string) => `${accountId}\u0000${category}`;

export const ZNotificationPreferencesInput = z.strictObject({
  preferences: z.partialRecord(z.enum(CONFIGURABLE_CATEGORIES), z.boolean()),
});
export type NotificationPreferencesInput = z.input<typeof ZNotificationPreferencesInput>;

/**
 * Saves the account's choices (owners and admins: `settings:manage`). Categories left out keep
 * their current value. Runs under RLS, whose policies also allow only owners and admins to write.
 */
export async function updateNotificationPreferences(
  context: Pick<AccountContext, 'accountId' | 'userId' | 'role' | 'claims'>,
  input: NotificationPreferencesInput,
): Promise<NotificationPreference[]> {
  if (!can(context.role, 'settings:manage')) {
    throw new AppError('FORBIDDEN', `Your role (${context.role}) cannot change notification settings`);
  }
  const { preferences } = ZNotificationPreferencesInput.parse(input);
  return withRls(context.claims, async (tx) => {
    for (const [category, enabled] of Object.entries(preferences)) {
      if (enabled === undefined) continue;
      await tx
        .insert(tables.notificationPreferences)
        .values({ accountId: context.accountId, category, enabled, updatedBy: context.userId })
        .onConflictDoUpdate({
          target: [tables.notificationPreferences.accountId, tables.notificationPreferences.category],
          set: { enabled, updatedBy: context.userId, updatedAt: sql`now()` },
        });
    }
    return listNotificationPreferences(tx, context.accountId);
  });
}
