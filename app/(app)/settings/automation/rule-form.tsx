'use client';

import { Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import type { RuleAction, RuleBody, RuleCondition } from '@/lib/orders/automation/schemas';
import { FIELD_LABELS, OP_LABELS } from './rule-text';

type Field = RuleCondition['field'];
type ConditionDraft = { field: Field; op: string; value: string };
type ActionDraft = { type: RuleAction['type']; value: string };

const LIST_FIELDS: Field[] = ['sku', 'destination_country', 'destination_state', 'priority'];
const opsFor = (field: Field) => (LIST_FIELDS.includes(field) ? ['in', 'not_in'] : ['gt', 'gte', 'lt', 'lte', 'eq']);
const ACTION_LABELS: Record<RuleAction['type'], string> = {
  set_service_level: 'Ship with service level', hold_for_review: 'Hold for review', add_tag: 'Add tag', skip_auto_label: 'Buy label by hand',
};

function toDraft(condition: RuleCondition): ConditionDraft {
  if ('values' in condition) return { field: condition.field, op: condition.op, value: condition.values.join(', ') };
  return { field: condition.field, op: condition.op, value: String(condition.field === 'order_value_cents' ? condition.value / 100 : condition.value) };
}

function actionDraft(action: RuleAction): ActionDraft {
  if (action.type === 'set_service_level') return { type: action.type, value: action.service_level };
  if (action.type === 'hold_for_review') return { type: action.type, value: action.reason ?? '' };
  if (action.type === 'add_tag') return { type: action.type, value: action.tag };
  return { type: action.type, value: '' };
}

/** The request body from the drafts; the API validates it again (zod) and answers with what is wrong. */
function toBody(name: string, position: number, enabled: boolean, conditions: ConditionDraft[], actions: ActionDraft[]): RuleBody {
  return {
    name, position, enabled,
    conditions: conditions.map((c) =>
      LIST_FIELDS.includes(c.field)
        ? ({ field: c.field, op: c.op, values: c.value.split(',').map((v) => v.trim()).filter(Boolean) } as RuleCondition)
        : ({ field: c.field, op: c.op, value: c.field === 'order_value_cents' ? Math.round(Number(c.value) * 100) : Number(c.value) } as RuleCondition),
    ),
    actions: actions.map((a) =>
      a.type === 'set_service_level' ? { type: a.type, service_level: a.value as 'standard' }
        : a.type === 'hold_for_review' ? { type: a.type, ...(a.value.trim() ? { reason: a.value.trim() } : {}) }
          : a.type === 'add_tag' ? { type: a.type, tag: a.value.trim() }
            : { type: a.type },
    ),
  };
}

export type RuleFormValue = { name: string; position: number; enabled: boolean; conditions: RuleCondition[]; actions: RuleAction[] };

/** Edits one rule: name, order, conditions (all must hold) and actions. */
export function RuleForm({ initial, pending, onSubmit, onCancel }: { initial?: RuleFormValue; pending: boolean; onSubmit: (body: RuleBody) => void; onCancel: () => void }) {
  const [name, setName] = useState(initial?.name ?? '');
  const [position, setPosition] = useState(String(initial?.position ?? 0));
  const [enabled, setEnabled] = useState(initial?.enabled ?? true);
  const [conditions, setConditions] = useState<ConditionDraft[]>(initial?.conditions.map(toDraft) ?? []);
  const [actions, setActions] = useState<ActionDraft[]>(initial?.actions.map(actionDraft) ?? [{ type: 'hold_for_review', value: '' }]);
  const update = <T,>(list: T[], index: number, patch: Partial<T>) => list.map((item, i) => (i === index ? { ...item, ...patch } : item));

  return (
    <form
      className="grid gap-4 rounded-xl border bg-card p-4"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(toBody(name.trim(), Number(position) || 0, enabled, conditions, actions));
      }}
    >
      <div className="grid gap-3 sm:grid-cols-[1fr_8rem_auto] sm:items-end">
        <label className="grid gap-1 text-sm font-medium">
          Name
          <Input value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} placeholder="Heavy parcels to Alaska" />
        </label>
        <label className="grid gap-1 text-sm font-medium">
          Order
          <Input type="number" min={0} max={10000} value={position} onChange={(e) => setPosition(e.target.value)} />
        </label>
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} className="size-4" /> Enabled
        </label>
      </div>

      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">When every condition holds (none: every order)</legend>
        {conditions.map((condition, index) => (
          <div key={index} className="grid gap-2 sm:grid-cols-[12rem_9rem_1fr_auto]">
            <NativeSelect aria-label={`Condition ${index + 1} field`} value={condition.field}
              onChange={(e) => setConditions(update(conditions, index, { field: e.target.value as Field, op: opsFor(e.target.value as Field)[0]! }))}>
              {(Object.keys(FIELD_LABELS) as Field[]).map((field) => <option key={field} value={field}>{FIELD_LABELS[field]}</option>)}
            </NativeSelect>
            <NativeSelect aria-label={`Condition ${index + 1} operator`} value={condition.op} onChange={(e) => setConditions(update(conditions, index, { op: e.target.value }))}>
              {opsFor(condition.field).map((op) => <option key={op} value={op}>{OP_LABELS[op]}</option>)}
            </NativeSelect>
            <Input aria-label={`Condition ${index + 1} value`} value={condition.value} required onChange={(e) => setConditions(update(conditions, index, { value: e.target.value }))}
              placeholder={LIST_FIELDS.includes(condition.field) ? 'comma-separated, e.g. AK, HI' : condition.field === 'order_value_cents' ? 'dollars, e.g. 150' : 'grams'} />
            <Button type="button" variant="ghost" size="icon" aria-label={`Remove condition ${index + 1}`} onClick={() => setConditions(conditions.filter((_, i) => i !== index))}>
              <Trash2 aria-hidden />
            </Button>
          </div>
        ))}
        <Button type="button" variant="outline" size="sm" className="justify-self-start" onClick={() => setConditions([...conditions, { field: 'weight_grams', op: 'gte', value: '' }])}>
          <Plus aria-hidden /> Condition
        </Button>
      </fieldset>

      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Then</legend>
        {actions.map((action, index) => (
          <div key={index} className="grid gap-2 sm:grid-cols-[14rem_1fr_auto]">
            <NativeSelect aria-label={`Action ${index + 1}`} value={action.type}
              onChange={(e) => setActions(update(actions, index, { type: e.target.value as RuleAction['type'], value: e.target.value === 'set_service_level' ? 'express' : '' }))}>
              {(Object.keys(ACTION_LABELS) as RuleAction['type'][]).map((type) => <option key={type} value={type}>{ACTION_LABELS[type]}</option>)}
            </NativeSelect>
            {action.type === 'set_service_level' ? (
              <NativeSelect aria-label={`Action ${index + 1} service level`} value={action.value} onChange={(e) => setActions(update(actions, index, { value: e.target.value }))}>
                {['economy', 'standard', 'express', 'overnight'].map((level) => <option key={level} value={level}>{level}</option>)}
              </NativeSelect>
            ) : action.type === 'skip_auto_label' ? (
              <span className="self-center text-sm text-muted-foreground">No automatic label</span>
            ) : (
              <Input aria-label={`Action ${index + 1} ${action.type === 'add_tag' ? 'tag' : 'reason'}`} value={action.value} required={action.type === 'add_tag'}
                onChange={(e) => setActions(update(actions, index, { value: e.target.value }))} placeholder={action.type === 'add_tag' ? 'tag, e.g. fragile' : 'reason (optional)'} />
            )}
            <Button type="button" variant="ghost" size="icon" aria-label={`Remove action ${index + 1}`} disabled={actions.length === 1} onClick={() => setActions(actions.filter((_, i) => i !== index))}>
              <Trash2 aria-hidden />
            </Button>
          </div>
        ))}
        <Button type="button" variant="outline" size="sm" className="justify-self-start" onClick={() => setActions([...actions, { type: 'add_tag', value: '' }])}>
          <Plus aria-hidden /> Action
        </Button>
      </fieldset>

      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Save rule'}</Button>
        <Button type="button" variant="ghost" onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
