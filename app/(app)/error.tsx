'use client';

import { PageError } from '@/components/shared/page-error';

export default function AppError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError title="This page could not load" reset={reset} />;
}
