import type { Metadata } from 'next';
import Link from 'next/link';
import { PrintButton, PrintStyles } from '@/components/orders/print-button';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { getAccountContext } from '@/lib/accounts';
import { getPickList, orderIdsSchema, splitIds } from '@/lib/orders/queries';

export const metadata: Metadata = { title: 'Pick list' };

/** What to take off the shelves for the selected orders (?ids=…), one line per SKU. */
export default async function PickListPage({
  searchParams,
}: {
  searchParams: Promise<{ ids?: string | string[] }>;
}) {
  const context = await getAccountContext('/orders/pick-list');
  const parsed = orderIdsSchema.safeParse(splitIds((await searchParams).ids));
  if (!parsed.success) {
    return (
      <Alert variant="destructive">
        <AlertTitle>No orders selected</AlertTitle>
        <AlertDescription>
          {parsed.error.issues[0]?.message}.{' '}
          <Link href="/orders" className="underline">
            Select orders on the orders page
          </Link>
        </AlertDescription>
      </Alert>
    );
  }
  const list = await getPickList(context, parsed.data);
  return (
    <>
      <PrintStyles />
      <div className="print-page space-y-6">
        <div className="flex items-start justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">Pick list</h1>
            <p className="text-sm text-muted-foreground">
              {list.total_units} units across {list.orders.length} order{list.orders.length === 1 ? '' : 's'},
              by SKU
              {list.missing_ids.length
                ? ` · ${list.missing_ids.length} selected order(s) not found in this account`
                : ''}
            </p>
          </div>
          <div className="no-print flex gap-2">
            <Button variant="ghost" asChild>
              <Link href="/orders">Back to orders</Link>
            </Button>
            <PrintButton label="Print pick list" />
          </div>
        </div>
        <table className="w-full rounded-xl border bg-card text-sm">
          <thead>
            <tr className="border-b text-left text-muted-foreground">
              <th scope="col" className="w-10 p-2">
                <span className="sr-only">Picked</span>
              </th>
              <th scope="col" className="p-2">
                SKU
              </th>
              <th scope="col" className="p-2">
                Product
              </th>
              <th scope="col" className="p-2 text-right">
                Quantity
              </th>
              <th scope="col" className="p-2 text-right">
                Orders
              </th>
            </tr>
          </thead>
          <tbody>
            {list.lines.map((line) => (
              <tr
                key={`${line.sku_id}-${line.seller_sku}-${line.sku_name}`}
                className="border-b last:border-0"
              >
                <td className="p-2" aria-hidden>
                  <span className="inline-block size-4 border border-foreground" />
                </td>
                <td className="p-2 font-mono text-xs">{line.seller_sku ?? '—'}</td>
                <td className="p-2">
                  {line.product_name}
                  {line.sku_name ? <span className="text-muted-foreground"> · {line.sku_name}</span> : null}
                </td>
                <td className="p-2 text-right text-base font-semibold tabular-nums">{line.quantity}</td>
                <td className="p-2 text-right tabular-nums" title={line.tiktok_order_ids.join(', ')}>
                  {line.order_count}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <section aria-labelledby="pick-orders">
          <h2 id="pick-orders" className="mb-2 text-sm font-semibold">
            Orders in this pick
          </h2>
          <ul className="grid grid-cols-2 gap-1 text-sm md:grid-cols-3">
            {list.orders.map((order) => (
              <li key={order.id}>
                <Link
                  href={`/orders/${order.id}`}
                  className="font-mono text-xs underline-offset-4 hover:underline"
                >
                  {order.tiktok_order_id}
                </Link>{' '}
                <span className="text-muted-foreground">
                  {order.buyer_name ?? ''} · {order.item_count} unit{order.item_count === 1 ? '' : 's'}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
