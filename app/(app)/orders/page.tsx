import { Package } from 'lucide-react';
import type { Metadata } from 'next';
import { EmptyState } from '@/components/shared/empty-state';
import { PageHeader } from '@/components/shared/page-header';
import { getAccountContext } from '@/lib/accounts';

export const metadata: Metadata = { title: 'Orders' };

export default async function OrdersPage() {
  const context = await getAccountContext('/orders');
  return (
    <>
      <PageHeader title="Orders" description={`Every TikTok Shop order for ${context.accountName}, live.`} />
      <EmptyState
        icon={Package}
        title="No orders yet"
        description="Connect your TikTok Shop in Settings. New orders appear here within seconds, already prioritised."
      />
    </>
  );
}
