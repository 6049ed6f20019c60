import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { tables, withRls, type JwtClaims } from '@/lib/db';
import { toAutomationRule } from './to-automation-rule';
import type { AutomationRule } from './schemas';

/** The account's rules in evaluation order, for members who may read orders. */
export async function listAutomationRules(context: { accountId: string; claims: JwtClaims }): Promise<AutomationRule[]> {
  const rows = await withRls(context.claims, (tx) =>
    tx
      .select()
      .from(tables.automationRules)
      .where(eq(tables.automationRules.accountId, context.accountId))
      .orderBy(asc(tables.automationRules.position), asc(tables.automationRules.createdAt)),
  );
  return rows.map(toAutomationRule);
}
