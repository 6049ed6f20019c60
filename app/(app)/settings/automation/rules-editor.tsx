'use client';

import { Workflow } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { EmptyState } from '@/components/shared/empty-state';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { RuleBody } from '@/lib/orders/automation/schemas';
import { describeApiError, fetchJson } from '@/lib/orders/hooks/fetch-json';
import { RuleForm, type RuleFormValue } from './rule-form';
import { describeAction, describeCondition } from './rule-text';

type Rule = RuleFormValue & { id: string };
type Editing = { mode: 'new' } | { mode: 'edit'; rule: Rule } | null;

/** The account's rules, with add / edit / delete through /api/automation-rules for people who may. */
export function RulesEditor({ rules, canEdit }: { rules: Rule[]; canEdit: boolean }) {
  const router = useRouter();
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const run = (request: () => Promise<unknown>) =>
    startTransition(async () => {
      setError(null);
      try {
        await request();
        setEditing(null);
        router.refresh();
      } catch (failure) {
        setError(describeApiError(failure));
      }
    });
  const save = (body: RuleBody) =>
    run(() =>
      editing?.mode === 'edit'
        ? fetchJson(`/api/automation-rules/${editing.rule.id}`, { method: 'PATCH', body: JSON.stringify(body) })
        : fetchJson('/api/automation-rules', { method: 'POST', body: JSON.stringify(body) }),
    );
  const remove = (rule: Rule) => {
    if (window.confirm(`Delete the rule “${rule.name}”? Orders already validated keep what it did.`)) {
      run(() => fetchJson(`/api/automation-rules/${rule.id}`, { method: 'DELETE' }));
    }
  };

  return (
    <div className="space-y-4">
      {error ? (
        <Alert variant="destructive" role="alert">
          <AlertTitle>Not saved</AlertTitle>
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      {editing ? (
        <RuleForm initial={editing.mode === 'edit' ? editing.rule : undefined} pending={pending} onSubmit={save} onCancel={() => setEditing(null)} />
      ) : canEdit ? (
        <Button onClick={() => setEditing({ mode: 'new' })}>New rule</Button>
      ) : (
        <p className="text-sm text-muted-foreground">Only owners and admins change automation rules.</p>
      )}
      {rules.length === 0 ? (
        <EmptyState icon={Workflow} title="No automation rules yet" description="Orders are validated, reserved and labelled with the account's defaults. Add a rule to hold, tag or upgrade some of them." />
      ) : (
        <ol className="space-y-3" aria-label="Automation rules, in the order they run">
          {rules.map((rule) => (
            <li key={rule.id} className="flex flex-wrap items-start justify-between gap-3 rounded-xl border bg-card p-4">
              <div className="min-w-0 space-y-1">
                <p className="font-medium">
                  {rule.name} <Badge variant={rule.enabled ? 'secondary' : 'outline'}>{rule.enabled ? `#${rule.position}` : 'disabled'}</Badge>
                </p>
                <p className="text-sm text-muted-foreground">
                  When {rule.conditions.length === 0 ? 'any order' : rule.conditions.map(describeCondition).join(' and ')} → {rule.actions.map(describeAction).join(', ')}
                </p>
              </div>
              {canEdit ? (
                <div className="flex gap-2">
                  <Button variant="outline" size="sm" onClick={() => setEditing({ mode: 'edit', rule })} aria-label={`Edit ${rule.name}`}>Edit</Button>
                  <Button variant="ghost" size="sm" onClick={() => remove(rule)} disabled={pending} aria-label={`Delete ${rule.name}`}>Delete</Button>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
