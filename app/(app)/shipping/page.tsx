import { Truck } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ShippingOverview } from '@/components/shipping/shipping-overview';
import { LabelsTable } from '@/components/shipping/labels-table';
import { Pagination } from '@/components/orders/pagination';
import { EmptyState } from '@/components/shared/empty-state';
import { PageHeader } from '@/components/shared/page-header';
import { getAccountContext } from '@/lib/accounts';
import { getShippingSummary, listShipments, listShipmentsQuerySchema } from '@/lib/orders/queries';
import { LiveRefresh } from '@/lib/realtime/client';
import { cn } from '@/lib/utils';

export const metadata: Metadata = { title: 'Shipping' };

const STATUS_FILTERS = [
  { label: 'All labels', value: undefined },
  { label: 'Purchased', value: 'purchased' },
  { label: 'Failed', value: 'failed' },
  { label: 'Unknown outcome', value: 'unknown_outcome' },
  { label: 'Voided', value: 'voided' },
] as const;

export default async function ShippingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const context = await getAccountContext('/shipping');
  const raw = await searchParams;
  const query = listShipmentsQuerySchema.catch(listShipmentsQuerySchema.parse({})).parse({
    page: raw.page,
    status: raw.status,
    tracking_status: typeof raw.tracking_status === 'string' ? raw.tracking_status : undefined,
  });
  const [summary, page] = await Promise.all([getShippingSummary(context), listShipments(context, query)]);
  return (
    <>
      <PageHeader
        title="Shipping"
        description="Labels bought, what they cost, and where every parcel is."
        actions={<LiveRefresh accountId={context.accountId} tables={['shipments']} />}
      />
      <div className="space-y-6">
        <ShippingOverview summary={summary} />
        <nav aria-label="Label status" className="flex flex-wrap gap-1 border-b">
          {STATUS_FILTERS.map((filter) => (
            <Link
              key={filter.label}
              href={filter.value ? `/shipping?status=${filter.value}` : '/shipping'}
              aria-current={query.status === filter.value ? 'page' : undefined}
              className={cn(
                '-mb-px border-b-2 px-3 py-2 text-sm font-medium text-muted-foreground hover:text-foreground',
                query.status === filter.value ? 'border-foreground text-foreground' : 'border-transparent',
              )}
            >
              {filter.label}
            </Link>
          ))}
        </nav>
        {page.shipments.length === 0 ? (
          <EmptyState
            icon={Truck}
            title={query.status ? 'No labels with this status' : 'No labels yet'}
            description="Labels are bought automatically once TikTok releases an order for shipping; they appear here with their tracking."
          />
        ) : (
          <>
            <LabelsTable shipments={page.shipments} />
            <Pagination
              page={page.page}
              totalPages={Math.ceil(page.total / page.limit)}
              total={page.total}
              limit={page.limit}
            />
          </>
        )}
      </div>
    </>
  );
}
