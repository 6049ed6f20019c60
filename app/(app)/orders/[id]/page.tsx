import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { OrderDetailView } from '@/components/orders/order-detail-view';
import { can, getAccountContext } from '@/lib/accounts';
import { isAppError } from '@/lib/errors';
import { getOrderOrThrow } from '@/lib/orders/queries';

export const metadata: Metadata = { title: 'Order' };

/** Another account's order (or a made-up id) is a plain 404. */
export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const context = await getAccountContext(`/orders/${id}`);
  const order = await getOrderOrThrow(context, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  return (
    <OrderDetailView
      accountId={context.accountId}
      initial={order}
      canUpdate={can(context.role, 'orders:update')}
    />
  );
}
