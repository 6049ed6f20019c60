'use client';

import { PageError } from '@/components/shared/page-error';

export default function OrdersError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <PageError
      title="Orders could not load"
      message="Nothing was lost: orders keep arriving in the background. Try again in a moment."
      reset={reset}
    />
  );
}
