'use client';

import { AlertTriangle } from 'lucide-react';
import { Button } from '@/components/ui/button';

export default function AdminError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div
      role="alert"
      className="flex flex-col items-center gap-4 rounded-xl border bg-card px-6 py-16 text-center"
    >
      <AlertTriangle className="size-8 text-destructive" aria-hidden />
      <div>
        <h2 className="text-lg font-semibold">This admin page could not load</h2>
        <p className="text-sm text-muted-foreground">
          The error is in the server log. Try again in a moment.
        </p>
      </div>
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}
