'use client';

import { PageError } from '@/components/shared/page-error';

export default function InventoryError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError title="Inventory could not load" reset={reset} />;
}
