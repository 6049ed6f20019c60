import { Boxes } from 'lucide-react';
import type { Metadata } from 'next';
import { EmptyState } from '@/components/shared/empty-state';
import { PageHeader } from '@/components/shared/page-header';
import { getAccountContext } from '@/lib/accounts';

export const metadata: Metadata = { title: 'Inventory' };

export default async function InventoryPage() {
  await getAccountContext('/inventory');
  return (
    <>
      <PageHeader title="Inventory" description="Stock per SKU and warehouse, with velocity and days of cover." />
      <EmptyState
        icon={Boxes}
        title="No products yet"
        description="Products and SKUs are imported from your TikTok Shop when you connect it."
      />
    </>
  );
}
