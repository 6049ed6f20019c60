import 'server-only';
import { and, eq } from 'drizzle-orm';
import { tables, withRls, type JwtClaims } from '@/lib/db';
import type { MemberRole } from '@/lib/db/schema/accounts';
import { assertCanManageRules } from './assert-can-manage-rules';
import { AppError } from '@/lib/errors';
import { forgetCachedRules } from './load-active-rules';

/** Removes a rule (owners and admins, by RLS as well as by the route's permission check). */
export async function deleteAutomationRule(context: { accountId: string; userId: string; role: MemberRole; claims: JwtClaims }, ruleId: string): Promise<void> {
  assertCanManageRules(context.role);
  await withRls(context.claims, async (tx) => {
    const deleted = await tx
      .delete(tables.automationRules)
      .where(and(eq(tables.automationRules.id, ruleId), eq(tables.automationRules.accountId, context.accountId)))
      .returning({ id: tables.automationRules.id, name: tables.automationRules.name });
    if (deleted.length === 0) throw new AppError('NOT_FOUND', 'Automation rule not found');
    await tx.insert(tables.auditLog).values({
      accountId: context.accountId, actorId: context.userId, actorType: 'user', action: 'automation_rule.deleted',
      entityType: 'automation_rule', entityId: ruleId, data: { name: deleted[0]!.name },
    });
  });
  forgetCachedRules(context.accountId);
}
