'use client';

import { useState } from 'react';

/**
 * POSTs to one of our billing routes and sends the browser to the Stripe page it returns
 * (Checkout or the Customer Portal). Errors from the route are shown as its message.
 */
export function useBillingRedirect() {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const go = async (key: string, path: '/api/billing/checkout' | '/api/billing/portal', body?: unknown) => {
    setPending(key);
    setError(null);
    try {
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      });
      const payload = (await response.json().catch(() => null)) as {
        url?: string;
        error?: { message?: string };
      } | null;
      if (!response.ok || !payload?.url)
        throw new Error(payload?.error?.message ?? 'Stripe could not be reached. Try again.');
      window.location.assign(payload.url);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Something went wrong');
      setPending(null);
    }
  };
  return { go, pending, error };
}
