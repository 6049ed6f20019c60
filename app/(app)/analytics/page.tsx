import { BarChart3 } from 'lucide-react';
import type { Metadata } from 'next';
import { EmptyState } from '@/components/shared/empty-state';
import { PageHeader } from '@/components/shared/page-header';
import { getAccountContext } from '@/lib/accounts';

export const metadata: Metadata = { title: 'Analytics' };

export default async function AnalyticsPage() {
  await getAccountContext('/analytics');
  return (
    <>
      <PageHeader title="Analytics" description="Which videos sell what, and how fast orders ship." />
      <EmptyState
        icon={BarChart3}
        title="Nothing to chart yet"
        description="Once orders flow, you will see revenue, fulfillment speed and the videos that drove each spike."
      />
    </>
  );
}
