import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { tables, withRls, type JwtClaims } from '@/lib/db';
import type { MemberRole } from '@/lib/db/schema/accounts';
import { assertCanManageRules } from './assert-can-manage-rules';
import { AppError } from '@/lib/errors';
import { forgetCachedRules } from './load-active-rules';
import type { AutomationRule, RuleUpdate } from './schemas';
import { toAutomationRule } from './to-automation-rule';

/** Changes the given fields of a rule; another account's rule is not found. */
export async function updateAutomationRule(
  context: { accountId: string; userId: string; role: MemberRole; claims: JwtClaims },
  ruleId: string,
  patch: RuleUpdate,
): Promise<AutomationRule> {
  assertCanManageRules(context.role);
  const row = await withRls(context.claims, async (tx) => {
    const [updated] = await tx
      .update(tables.automationRules)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(and(eq(tables.automationRules.id, ruleId), eq(tables.automationRules.accountId, context.accountId)))
      .returning();
    if (!updated) throw new AppError('NOT_FOUND', 'Automation rule not found');
    await tx.insert(tables.auditLog).values({
      accountId: context.accountId, actorId: context.userId, actorType: 'user', action: 'automation_rule.updated',
      entityType: 'automation_rule', entityId: ruleId, data: { fields: Object.keys(patch) },
    });
    return updated;
  });
  forgetCachedRules(context.accountId);
  return toAutomationRule(row);
}
