'use client';

import { Loader2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { describeApiError, fetchJson } from '@/lib/orders/hooks/fetch-json';

/**
 * A button that POSTs to an admin API, then re-renders the page; the outcome (or the API's error)
 * is announced next to it.
 */
export function PostActionButton({
  url,
  body,
  label,
  doneLabel,
}: {
  url: string;
  body?: unknown;
  label: string;
  doneLabel: string;
}) {
  const router = useRouter();
  const [state, setState] = useState<
    { kind: 'idle' | 'pending' | 'done' } | { kind: 'error'; message: string }
  >({ kind: 'idle' });
  const run = async () => {
    setState({ kind: 'pending' });
    try {
      await fetchJson(url, { method: 'POST', body: JSON.stringify(body ?? {}) });
      setState({ kind: 'done' });
      router.refresh();
    } catch (error) {
      setState({ kind: 'error', message: describeApiError(error) });
    }
  };
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="outline"
        size="sm"
        onClick={run}
        disabled={state.kind === 'pending' || state.kind === 'done'}
      >
        {state.kind === 'pending' ? <Loader2 className="animate-spin" aria-hidden /> : null}
        {state.kind === 'done' ? doneLabel : label}
      </Button>
      <span role="status" className={state.kind === 'error' ? 'text-xs text-red-700' : 'sr-only'}>
        {state.kind === 'error' ? state.message : state.kind === 'done' ? doneLabel : ''}
      </span>
    </span>
  );
}
