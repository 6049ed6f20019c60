import type { Metadata } from 'next';
import { PageHeader } from '@/components/shared/page-header';
import { can, getAccountContext } from '@/lib/accounts';
import { automation } from '@/lib/orders';
import { RulesEditor } from './rules-editor';

export const metadata: Metadata = { title: 'Automation' };

/** Automation rules: conditions on each new order, actions applied when it is validated. */
export default async function AutomationSettingsPage() {
  const context = await getAccountContext('/settings/automation');
  const rules = await automation.listAutomationRules(context);
  return (
    <>
      <PageHeader
        title="Automation"
        description="Rules run on every order as it is validated, in order. All conditions must match; tags add up, a hold sticks, and a later rule's service level wins."
      />
      <RulesEditor
        rules={rules.map((rule) => ({ id: rule.id, name: rule.name, enabled: rule.enabled, position: rule.position, conditions: rule.conditions, actions: rule.actions }))}
        canEdit={can(context.role, 'automation:manage')}
      />
    </>
  );
}
