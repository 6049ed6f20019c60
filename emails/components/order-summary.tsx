import { formatMoney, formatNumber } from './format';
import { DataTable } from './data-table';
import { colors } from './theme';

export interface OrderSummaryItem {
  name: string;
  sku?: string;
  quantity: number;
  /** Price of one unit in minor units; omitted when the sender does not show prices. */
  unitPriceCents?: number;
}

export interface OrderSummaryProps {
  items: OrderSummaryItem[];
  currency: string;
  subtotalCents?: number;
  shippingCents?: number;
  taxCents?: number;
  totalCents?: number;
}

// The items of one order, with prices and totals when the caller passes them.
export function OrderSummary({
  items,
  currency,
  subtotalCents,
  shippingCents,
  taxCents,
  totalCents,
}: OrderSummaryProps) {
  const showPrices = items.some((item) => item.unitPriceCents !== undefined);
  const columns = [
    { header: 'Item', width: showPrices ? '60%' : '80%' },
    { header: 'Qty', align: 'right' as const },
    ...(showPrices ? [{ header: 'Price', align: 'right' as const }] : []),
  ];
  const rows = items.map((item) => [
    <span key="name">
      {item.name}
      {item.sku ? (
        <>
          <br />
          <span style={skuStyle}>{`SKU ${item.sku}`}</span>
        </>
      ) : null}
    </span>,
    formatNumber(item.quantity),
    ...(showPrices
      ? [item.unitPriceCents === undefined ? '—' : formatMoney(item.unitPriceCents * item.quantity, currency)]
      : []),
  ]);
  const totals: Array<[string, number | undefined]> = [
    ['Subtotal', subtotalCents],
    ['Shipping', shippingCents],
    ['Tax', taxCents],
    ['Total', totalCents],
  ];
  const footerRows = totals
    .filter((entry): entry is [string, number] => entry[1] !== undefined)
    .map(([label, cents]) =>
      showPrices ? [label, '', formatMoney(cents, currency)] : [label, formatMoney(cents, currency)],
    );
  return <DataTable columns={columns} rows={rows} footerRows={footerRows} />;
}

const skuStyle = {
  color: colors.muted,
  fontSize: '12px',
  lineHeight: '18px',
};
