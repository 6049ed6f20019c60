'use client';

import { AlertTriangle } from 'lucide-react';
import { Button } from '@/components/ui/button';

/** The body of every route's error boundary: what failed, a reassurance, and a retry. */
export function PageError({
  title,
  message = 'Your data is safe. Try again, or come back in a minute.',
  reset,
}: {
  title: string;
  message?: string;
  reset: () => void;
}) {
  return (
    <div role="alert" className="flex flex-col items-center gap-4 rounded-xl border bg-card px-6 py-16 text-center">
      <AlertTriangle className="size-8 text-destructive" aria-hidden />
      <div>
        <h2 className="text-lg font-semibold">{title}</h2>
        <p className="text-sm text-muted-foreground">{message}</p>
      </div>
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}
