import type { Priority, ServiceLevel } from '@/lib/db/schema/orders';
import type { RuleAction, RuleCondition } from './schemas';

/** What the rules may look at, computed once per order at validation. */
export type OrderFacts = {
  /** Seller SKUs and TikTok SKU ids of every line. */
  skus: readonly string[];
  weightGrams: number;
  destinationCountry: string | null;
  destinationState: string | null;
  orderValueCents: number;
  priority: Priority;
};

export type RuleOutcome = {
  serviceLevel?: ServiceLevel;
  hold?: { reason: string };
  tags: string[];
  skipAutoLabel: boolean;
  matchedRuleIds: string[];
};

export type EvaluableRule = { id: string; name: string; enabled: boolean; position: number; conditions: RuleCondition[]; actions: RuleAction[] };

function compare(op: 'gt' | 'gte' | 'lt' | 'lte' | 'eq', actual: number, expected: number): boolean {
  switch (op) {
    case 'gt':
      return actual > expected;
    case 'gte':
      return actual >= expected;
    case 'lt':
      return actual < expected;
    case 'lte':
      return actual <= expected;
    case 'eq':
      return actual === expected;
  }
}

function inSet(op: 'in' | 'not_in', actual: readonly (string | null)[], values: readonly string[]): boolean {
  const hit = actual.some((value) => value !== null && values.includes(value));
  return op === 'in' ? hit : !hit;
}

export function conditionHolds(condition: RuleCondition, facts: OrderFacts): boolean {
  switch (condition.field) {
    case 'sku':
      return inSet(condition.op, facts.skus, condition.values);
    case 'weight_grams':
      return compare(condition.op, facts.weightGrams, condition.value);
    case 'destination_country':
      return inSet(condition.op, [facts.destinationCountry?.toUpperCase() ?? null], condition.values);
    case 'destination_state':
      return inSet(condition.op, [facts.destinationState?.toUpperCase() ?? null], condition.values);
    case 'order_value_cents':
      return compare(condition.op, facts.orderValueCents, condition.value);
    case 'priority':
      return inSet(condition.op, [facts.priority], condition.values);
  }
}

/**
 * Applies every enabled rule whose conditions all hold, in `position` order (then id, for a stable
 * order). Tags accumulate; hold and skip-auto-label stick once any rule sets them; for the service
 * level the last matching rule wins, so a more specific rule placed later overrides a general one.
 */
export function evaluateRules(rules: readonly EvaluableRule[], facts: OrderFacts): RuleOutcome {
  const outcome: RuleOutcome = { tags: [], skipAutoLabel: false, matchedRuleIds: [] };
  const ordered = [...rules].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  for (const rule of ordered) {
    if (!rule.enabled || !rule.conditions.every((condition) => conditionHolds(condition, facts))) continue;
    outcome.matchedRuleIds.push(rule.id);
    for (const action of rule.actions) {
      if (action.type === 'set_service_level') outcome.serviceLevel = action.service_level;
      else if (action.type === 'hold_for_review') outcome.hold ??= { reason: action.reason ?? `rule “${rule.name}”` };
      else if (action.type === 'add_tag' && !outcome.tags.includes(action.tag)) outcome.tags.push(action.tag);
      else if (action.type === 'skip_auto_label') outcome.skipAutoLabel = true;
    }
  }
  return outcome;
}
