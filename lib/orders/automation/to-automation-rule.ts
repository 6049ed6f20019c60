import type { tables } from '@/lib/db';
import { parseStoredRule } from './load-active-rules';
import type { AutomationRule } from './schemas';

/** The API shape of a stored rule; a row that no longer parses comes back disabled and empty. */
export function toAutomationRule(row: typeof tables.automationRules.$inferSelect): AutomationRule {
  const parsed = parseStoredRule(row);
  return {
    id: row.id,
    name: row.name,
    enabled: parsed ? row.enabled : false,
    position: row.position,
    conditions: parsed?.conditions ?? [],
    actions: parsed?.actions ?? [],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
