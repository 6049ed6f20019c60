import { SearchX } from 'lucide-react';
import Link from 'next/link';
import { EmptyState } from '@/components/shared/empty-state';
import { Button } from '@/components/ui/button';

export default function OrderNotFound() {
  return (
    <EmptyState
      icon={SearchX}
      title="Order not found"
      description="It does not exist in this account. If you switched accounts, switch back to see it."
      action={
        <Button asChild variant="outline">
          <Link href="/orders">Back to orders</Link>
        </Button>
      }
    />
  );
}
