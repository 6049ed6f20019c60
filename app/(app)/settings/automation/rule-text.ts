import type { RuleAction, RuleCondition } from '@/lib/orders/automation/schemas';

// Plain-language rendering of automation rules, for the list and for screen readers.

const OPS: Record<string, string> = { in: 'is one of', not_in: 'is none of', gt: '>', gte: '≥', lt: '<', lte: '≤', eq: '=' };
const FIELDS: Record<RuleCondition['field'], string> = {
  sku: 'SKU', weight_grams: 'Weight (g)', destination_country: 'Country', destination_state: 'State',
  order_value_cents: 'Order value', priority: 'Priority',
};

export const FIELD_LABELS = FIELDS;
export const OP_LABELS = OPS;

export function describeCondition(condition: RuleCondition): string {
  if ('values' in condition) return `${FIELDS[condition.field]} ${OPS[condition.op]} ${condition.values.join(', ')}`;
  const value = condition.field === 'order_value_cents' ? `$${(condition.value / 100).toFixed(2)}` : String(condition.value);
  return `${FIELDS[condition.field]} ${OPS[condition.op]} ${value}`;
}

export function describeAction(action: RuleAction): string {
  switch (action.type) {
    case 'set_service_level':
      return `ship ${action.service_level}`;
    case 'hold_for_review':
      return `hold for review${action.reason ? ` (${action.reason})` : ''}`;
    case 'add_tag':
      return `tag “${action.tag}”`;
    case 'skip_auto_label':
      return 'buy the label by hand';
  }
}
