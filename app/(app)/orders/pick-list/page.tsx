import type { Metadata } from 'next';
import Link from 'next/link';
import { NoOrdersSelected } from '@/components/orders/no-orders-selected';
import { PrintButton, PrintStyles } from '@/components/orders/print-button';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
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
    return <NoOrdersSelected title="No orders selected" problem={parsed.error.issues[0]?.message} />;
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
        <Table className="rounded-xl border bg-card">
          <TableHeader>
            <TableRow>
              <TableHead scope="col" className="w-10">
                <span className="sr-only">Picked</span>
              </TableHead>
              <TableHead scope="col">SKU</TableHead>
              <TableHead scope="col">Product</TableHead>
              <TableHead scope="col" className="text-right">
                Quantity
              </TableHead>
              <TableHead scope="col" className="text-right">
                Orders
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.lines.map((line) => (
              <TableRow key={`${line.sku_id}-${line.seller_sku}-${line.sku_name}`}>
                <TableCell aria-hidden>
                  <span className="inline-block size-4 border border-foreground" />
                </TableCell>
                <TableCell className="font-mono text-xs">{line.seller_sku ?? '—'}</TableCell>
                <TableCell className="whitespace-normal">
                  {line.product_name}
                  {line.sku_name ? <span className="text-muted-foreground"> · {line.sku_name}</span> : null}
                </TableCell>
                <TableCell className="text-right text-base font-semibold tabular-nums">
                  {line.quantity}
                </TableCell>
                <TableCell className="text-right tabular-nums" title={line.tiktok_order_ids.join(', ')}>
                  {line.order_count}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
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
