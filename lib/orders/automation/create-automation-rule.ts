import 'server-only';
import { tables, withRls, type JwtClaims } from '@/lib/db';
import type { MemberRole } from '@/lib/db/schema/accounts';
import { assertCanManageRules } from './assert-can-manage-rules';
import { forgetCachedRules } from './load-active-rules';
import type { AutomationRule, RuleBody } from './schemas';
import { toAutomationRule } from './to-automation-rule';

/** Adds a rule (route checks `automation:manage`; RLS limits writes to the member's accounts). */
export async function createAutomationRule(
  context: { accountId: string; userId: string; role: MemberRole; claims: JwtClaims },
  body: RuleBody,
): Promise<AutomationRule> {
  assertCanManageRules(context.role);
  const row = await withRls(context.claims, async (tx) => {
    const [created] = await tx
      .insert(tables.automationRules)
      .values({ accountId: context.accountId, name: body.name, enabled: body.enabled, position: body.position, conditions: body.conditions, actions: body.actions })
      .returning();
    await tx.insert(tables.auditLog).values({
      accountId: context.accountId, actorId: context.userId, actorType: 'user', action: 'automation_rule.created',
      entityType: 'automation_rule', entityId: created!.id, data: { name: body.name },
    });
    return created!;
  });
  forgetCachedRules(context.accountId);
  return toAutomationRule(row);
}
