'use client';

import { PageError } from '@/components/shared/page-error';

export default function ShippingError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError title="Shipping could not load" reset={reset} />;
}
