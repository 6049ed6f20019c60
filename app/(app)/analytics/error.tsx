'use client';

import { PageError } from '@/components/shared/page-error';

export default function AnalyticsError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError title="Analytics could not load" reset={reset} />;
}
