import type { Metadata } from 'next';
import Link from 'next/link';
import { OrdersView } from '@/components/orders/orders-view';
import { PageHeader } from '@/components/shared/page-header';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { can, getAccountContext } from '@/lib/accounts';
import { filtersFromSearchParams } from '@/lib/orders/hooks/order-keys';
import { listOrders, parseListOrdersQuery, toUrlSearchParams } from '@/lib/orders/queries';

export const metadata: Metadata = { title: 'Orders' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Server-rendered first page (same filters as the URL), then live through React Query. */
export default async function OrdersPage({ searchParams }: { searchParams: SearchParams }) {
  const context = await getAccountContext('/orders');
  const params = toUrlSearchParams(await searchParams);
  const parsed = parseListOrdersQuery(params);
  const header = (
    <PageHeader title="Orders" description={`Every TikTok Shop order for ${context.accountName}, live.`} />
  );

  if (!parsed.success) {
    return (
      <>
        {header}
        <Alert variant="destructive">
          <AlertTitle>These filters are not valid</AlertTitle>
          <AlertDescription>
            <ul className="list-disc pl-4">
              {parsed.error.issues.map((issue) => (
                <li key={`${issue.path.join('.')}-${issue.message}`}>
                  {issue.path.join('.') || 'query'}: {issue.message}
                </li>
              ))}
            </ul>
            <Link href="/orders" className="underline">
              Show all orders
            </Link>
          </AlertDescription>
        </Alert>
      </>
    );
  }

  const data = await listOrders(context, parsed.data);
  return (
    <>
      {header}
      <OrdersView
        accountId={context.accountId}
        initial={{ filters: filtersFromSearchParams(params), data }}
        canUpdate={can(context.role, 'orders:update')}
      />
    </>
  );
}
