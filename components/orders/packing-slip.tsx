import { formatUtc } from '@/components/ui/format';
import type { OrderDetail } from '@/lib/orders/queries/types';

/**
 * One packing slip: what goes in the box and where it goes. No prices (parcels are often gifts);
 * a tick box per line for the packer. Server-rendered, printed from the browser.
 */
export function PackingSlip({ order }: { order: OrderDetail }) {
  const recipient = order.recipient;
  const units = order.items.reduce((sum, item) => sum + item.quantity, 0);
  return (
    <article
      className="print-page mx-auto max-w-3xl space-y-6 rounded-xl border bg-white p-8 text-black"
      aria-label={`Packing slip for order ${order.tiktok_order_id}`}
    >
      <header className="flex items-start justify-between gap-4 border-b pb-4">
        <div>
          <p className="text-xs tracking-wide uppercase">Packing slip</p>
          <h2 className="text-xl font-semibold">{order.shop.name}</h2>
        </div>
        <div className="text-right text-sm">
          <p className="font-mono text-base font-semibold">#{order.tiktok_order_id}</p>
          <p>Placed {formatUtc(order.order_date, false)}</p>
          {order.dispatch_deadline ? <p>Ship by {formatUtc(order.dispatch_deadline)}</p> : null}
        </div>
      </header>
      <section className="grid grid-cols-2 gap-6 text-sm">
        <div>
          <h3 className="mb-1 text-xs font-semibold tracking-wide uppercase">Ship to</h3>
          {recipient ? (
            <address className="not-italic">
              <p className="font-medium">{recipient.name}</p>
              <p>{recipient.addressLine1}</p>
              {recipient.addressLine2 ? <p>{recipient.addressLine2}</p> : null}
              <p>
                {recipient.city}, {recipient.state} {recipient.postalCode}
              </p>
              <p>{recipient.country}</p>
            </address>
          ) : (
            <p>—</p>
          )}
        </div>
        <div>
          <h3 className="mb-1 text-xs font-semibold tracking-wide uppercase">Shipment</h3>
          <p>Service: {order.workflow.service_level}</p>
          {order.tracking_info?.tracking_number ? (
            <p className="font-mono">{order.tracking_info.tracking_number}</p>
          ) : (
            <p>Label not bought yet</p>
          )}
          <p>
            {units} unit{units === 1 ? '' : 's'} in {order.items.length} line
            {order.items.length === 1 ? '' : 's'}
          </p>
        </div>
      </section>
      <table className="w-full text-sm">
        <thead>
          <tr className="border-b text-left">
            <th className="w-8 py-2" scope="col">
              <span className="sr-only">Packed</span>
            </th>
            <th className="py-2" scope="col">
              Item
            </th>
            <th className="py-2" scope="col">
              SKU
            </th>
            <th className="py-2 text-right" scope="col">
              Qty
            </th>
          </tr>
        </thead>
        <tbody>
          {order.items.map((item) => (
            <tr key={item.id} className="border-b">
              <td className="py-2" aria-hidden>
                <span className="inline-block size-4 border border-black" />
              </td>
              <td className="py-2">
                {item.product_name}
                {item.sku_name ? ` · ${item.sku_name}` : ''}
              </td>
              <td className="py-2 font-mono text-xs">{item.seller_sku ?? item.tiktok_sku_id}</td>
              <td className="py-2 text-right text-base font-semibold tabular-nums">{item.quantity}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {order.buyer_message ? (
        <p className="rounded border p-3 text-sm">
          <span className="font-semibold">Note from the buyer:</span> {order.buyer_message}
        </p>
      ) : null}
      <footer className="border-t pt-4 text-center text-sm">Thank you for your order!</footer>
    </article>
  );
}
