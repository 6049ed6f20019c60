import { evaluateRules, type EvaluableRule, type OrderFacts } from '@/lib/orders/automation/evaluate-rules';
import { conditionSchema, ruleBodySchema, ruleUpdateSchema } from '@/lib/orders/automation/schemas';

const facts: OrderFacts = {
  skus: ['tt-1', 'MUG-BLK'], weightGrams: 1200, destinationCountry: 'US', destinationState: 'ca', orderValueCents: 4500, priority: 'HIGH',
};
const rule = (partial: Partial<EvaluableRule> & Pick<EvaluableRule, 'conditions' | 'actions'>): EvaluableRule => ({
  id: partial.id ?? 'r1', name: partial.name ?? 'rule', enabled: partial.enabled ?? true, position: partial.position ?? 0, ...partial,
});

describe('rule schemas', () => {
  test('accept the documented shapes and normalise codes', () => {
    const body = ruleBodySchema.parse({
      name: 'Heavy to Alaska',
      conditions: [{ field: 'destination_state', op: 'in', values: ['ak', 'HI'] }, { field: 'weight_grams', op: 'gt', value: 2000 }],
      actions: [{ type: 'set_service_level', service_level: 'express' }, { type: 'add_tag', tag: 'heavy' }],
    });
    expect(body).toMatchObject({ enabled: true, position: 0, conditions: [{ values: ['AK', 'HI'] }, { value: 2000 }] });
  });

  test('refuse unknown fields, operators, actions and empty action lists', () => {
    expect(conditionSchema.safeParse({ field: 'color', op: 'in', values: ['red'] }).success).toBe(false);
    expect(conditionSchema.safeParse({ field: 'weight_grams', op: 'in', value: 3 }).success).toBe(false);
    expect(ruleBodySchema.safeParse({ name: 'x', conditions: [], actions: [] }).success).toBe(false);
    expect(ruleBodySchema.safeParse({ name: 'x', actions: [{ type: 'drop_table' }] }).success).toBe(false);
    expect(ruleBodySchema.safeParse({ name: 'x', actions: [{ type: 'add_tag', tag: 'has space' }] }).success).toBe(false);
    expect(ruleUpdateSchema.safeParse({}).success).toBe(false);
    expect(ruleUpdateSchema.parse({ enabled: false })).toEqual({ enabled: false });
  });
});

describe('evaluateRules', () => {
  test('every condition must hold', () => {
    const rules = [rule({ conditions: [{ field: 'sku', op: 'in', values: ['MUG-BLK'] }, { field: 'order_value_cents', op: 'gte', value: 5000 }], actions: [{ type: 'skip_auto_label' }] })];
    expect(evaluateRules(rules, facts).matchedRuleIds).toEqual([]);
    expect(evaluateRules(rules, { ...facts, orderValueCents: 5000 })).toMatchObject({ matchedRuleIds: ['r1'], skipAutoLabel: true });
  });

  test('each field and operator', () => {
    const holds = (condition: Parameters<typeof conditionSchema.parse>[0]) =>
      evaluateRules([rule({ conditions: [conditionSchema.parse(condition)], actions: [{ type: 'add_tag', tag: 't' }] })], facts).matchedRuleIds.length === 1;
    expect(holds({ field: 'sku', op: 'not_in', values: ['OTHER'] })).toBe(true);
    expect(holds({ field: 'sku', op: 'not_in', values: ['tt-1'] })).toBe(false);
    expect(holds({ field: 'weight_grams', op: 'lt', value: 1200 })).toBe(false);
    expect(holds({ field: 'weight_grams', op: 'lte', value: 1200 })).toBe(true);
    expect(holds({ field: 'destination_country', op: 'in', values: ['us'] })).toBe(true);
    expect(holds({ field: 'destination_state', op: 'in', values: ['CA'] })).toBe(true);
    expect(holds({ field: 'order_value_cents', op: 'eq', value: 4500 })).toBe(true);
    expect(holds({ field: 'priority', op: 'in', values: ['VIRAL'] })).toBe(false);
  });

  test('rules apply in position order: tags add up, hold sticks, the last service level wins', () => {
    const rules = [
      rule({ id: 'b', position: 2, conditions: [], actions: [{ type: 'set_service_level', service_level: 'overnight' }, { type: 'add_tag', tag: 'vip' }] }),
      rule({ id: 'a', position: 1, conditions: [], actions: [{ type: 'set_service_level', service_level: 'express' }, { type: 'hold_for_review', reason: 'check' }, { type: 'add_tag', tag: 'vip' }] }),
      rule({ id: 'c', position: 3, enabled: false, conditions: [], actions: [{ type: 'set_service_level', service_level: 'economy' }] }),
    ];
    expect(evaluateRules(rules, facts)).toEqual({ serviceLevel: 'overnight', hold: { reason: 'check' }, tags: ['vip'], skipAutoLabel: false, matchedRuleIds: ['a', 'b'] });
  });
});
