import { Truck } from 'lucide-react';
import type { Metadata } from 'next';
import { EmptyState } from '@/components/shared/empty-state';
import { PageHeader } from '@/components/shared/page-header';
import { getAccountContext } from '@/lib/accounts';

export const metadata: Metadata = { title: 'Shipping' };

export default async function ShippingPage() {
  await getAccountContext('/shipping');
  return (
    <>
      <PageHeader title="Shipping" description="Labels, packing slips and tracking for every parcel." />
      <EmptyState
        icon={Truck}
        title="No labels yet"
        description="Labels are bought automatically at the cheapest fitting rate once an order is ready to ship."
      />
    </>
  );
}
