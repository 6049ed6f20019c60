'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import type { ConfigurableCategory } from '@/lib/email/categories';

export type PreferenceRow = {
  category: ConfigurableCategory;
  label: string;
  description: string;
  audience: 'buyers' | 'owners';
  enabled: boolean;
};

type State = { status: 'idle' | 'saved' | 'error'; message?: string };

/**
 * One checkbox per email category. `action` is the page's server action; people who may not
 * change settings see the form read-only.
 */
export function NotificationPreferencesForm({
  preferences,
  canEdit,
  action,
}: {
  preferences: PreferenceRow[];
  canEdit: boolean;
  action: (state: State, formData: FormData) => Promise<State>;
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  return (
    <form action={formAction} className="space-y-4">
      <fieldset disabled={!canEdit || pending} className="divide-y rounded-xl border bg-card">
        <legend className="sr-only">Emails this account sends</legend>
        {preferences.map((preference) => (
          <label key={preference.category} className="flex cursor-pointer items-start gap-3 p-4">
            <input
              type="checkbox"
              name={preference.category}
              defaultChecked={preference.enabled}
              className="mt-1 size-4 accent-[var(--brand)]"
            />
            <span>
              <span className="block font-medium">{preference.label}</span>
              <span className="block text-sm text-muted-foreground">
                {preference.description} Sent to{' '}
                {preference.audience === 'buyers' ? 'buyers' : 'account owners'}.
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={!canEdit || pending}>
          {pending ? 'Saving…' : 'Save'}
        </Button>
        {state.message ? (
          <p
            role={state.status === 'error' ? 'alert' : 'status'}
            className={state.status === 'error' ? 'text-sm text-destructive' : 'text-sm text-foreground'}
          >
            {state.message}
          </p>
        ) : null}
      </div>
      {!canEdit ? (
        <p className="text-sm text-muted-foreground">Only owners and admins can change these settings.</p>
      ) : null}
    </form>
  );
}
