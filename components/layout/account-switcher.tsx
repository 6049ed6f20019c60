'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { Membership } from '@/lib/accounts/account-context';

/** Lists the user's accounts; choosing one makes it current for every page and API call. */
export function AccountSwitcher({ memberships, currentId }: { memberships: Membership[]; currentId: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);

  async function onChange(event: React.ChangeEvent<HTMLSelectElement>) {
    setPending(true);
    await fetch('/api/accounts/switch', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accountId: event.target.value }),
    });
    setPending(false);
    router.refresh();
  }

  return (
    <label className="block space-y-1">
      <span className="text-xs font-medium uppercase tracking-wide text-muted-foreground">Account</span>
      <select
        aria-label="Current account"
        data-testid="account-switcher"
        className="h-9 w-full rounded-md border border-input bg-background px-2 text-sm"
        value={currentId}
        onChange={onChange}
        disabled={pending || memberships.length < 2}
      >
        {memberships.map((m) => (
          <option key={m.accountId} value={m.accountId}>
            {m.accountName} ({m.role})
          </option>
        ))}
      </select>
    </label>
  );
}
