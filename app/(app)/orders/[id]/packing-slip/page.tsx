import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PackingSlip } from '@/components/orders/packing-slip';
import { PrintButton, PrintStyles } from '@/components/orders/print-button';
import { Button } from '@/components/ui/button';
import { getAccountContext } from '@/lib/accounts';
import { isAppError } from '@/lib/errors';
import { getOrderOrThrow } from '@/lib/orders/queries';

export const metadata: Metadata = { title: 'Packing slip' };

export default async function PackingSlipPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const context = await getAccountContext(`/orders/${id}/packing-slip`);
  const order = await getOrderOrThrow(context, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  return (
    <>
      <PrintStyles />
      <h1 className="sr-only">Packing slip for order {order.tiktok_order_id}</h1>
      <div className="no-print mb-6 flex items-center justify-between">
        <Button variant="ghost" asChild>
          <Link href={`/orders/${order.id}`}>Back to the order</Link>
        </Button>
        <PrintButton label="Print packing slip" />
      </div>
      <PackingSlip order={order} />
    </>
  );
}
