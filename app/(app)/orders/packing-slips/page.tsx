import type { Metadata } from 'next';
import Link from 'next/link';
import { PackingSlip } from '@/components/orders/packing-slip';
import { NoOrdersSelected } from '@/components/orders/no-orders-selected';
import { PrintButton, PrintStyles } from '@/components/orders/print-button';
import { Button } from '@/components/ui/button';
import { getAccountContext } from '@/lib/accounts';
import { getOrderDetails, orderIdsSchema, splitIds } from '@/lib/orders/queries';

export const metadata: Metadata = { title: 'Packing slips' };

/** Packing slips for the orders selected on the orders page (?ids=…), one per printed sheet. */
export default async function PackingSlipsPage({
  searchParams,
}: {
  searchParams: Promise<{ ids?: string | string[] }>;
}) {
  const context = await getAccountContext('/orders/packing-slips');
  const parsed = orderIdsSchema.safeParse(splitIds((await searchParams).ids));
  if (!parsed.success) {
    return <NoOrdersSelected title="No orders to print" problem={parsed.error.issues[0]?.message} />;
  }
  const orders = await getOrderDetails(context, parsed.data);
  return (
    <>
      <PrintStyles />
      <div className="no-print mb-6 flex items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Packing slips</h1>
          <p className="text-sm text-muted-foreground">
            {orders.length} order{orders.length === 1 ? '' : 's'}
            {orders.length < parsed.data.length
              ? ` (${parsed.data.length - orders.length} not found in this account)`
              : ''}
          </p>
        </div>
        <div className="flex gap-2">
          <Button variant="ghost" asChild>
            <Link href="/orders">Back to orders</Link>
          </Button>
          <PrintButton label="Print all" />
        </div>
      </div>
      <div className="space-y-6">
        {orders.map((order) => (
          <PackingSlip key={order.id} order={order} />
        ))}
      </div>
    </>
  );
}
