'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

type FieldErrors = Record<string, string>;

/** Posts a form to one of the /api/auth routes and navigates on success; shows errors inline. */
export function useAuthSubmit(endpoint: string, next: string) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setFieldErrors({});
    const body = Object.fromEntries(new FormData(event.currentTarget));
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (response.ok) {
        router.replace(next);
        router.refresh();
        return;
      }
      const payload = (await response.json().catch(() => null)) as {
        error?: { message?: string; details?: { path: string; message: string }[] };
      } | null;
      const details = Array.isArray(payload?.error?.details) ? payload.error.details : [];
      setFieldErrors(Object.fromEntries(details.map((d) => [d.path, d.message])));
      setError(payload?.error?.message ?? 'Something went wrong. Please try again.');
    } catch {
      setError('Could not reach CreatorFlow. Check your connection and try again.');
    }
    setPending(false);
  }

  return { onSubmit, pending, error, fieldErrors };
}
