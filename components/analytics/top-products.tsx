import { formatInteger, formatMoney } from '@/components/ui/format';

/** The range's best sellers by units, with a bar relative to the top one. */
export function TopProducts({
  products,
  currency,
}: {
  products: {
    tiktok_product_id: string;
    product_name: string;
    units: number;
    orders: number;
    revenue_cents: number;
  }[];
  currency: string;
}) {
  const max = Math.max(1, ...products.map((product) => product.units));
  return (
    <section aria-labelledby="top-products-heading" className="rounded-xl border bg-card p-4">
      <h2 id="top-products-heading" className="mb-3 font-semibold">
        Top products
      </h2>
      {products.length === 0 ? (
        <p className="text-sm text-muted-foreground">No sales in this range.</p>
      ) : (
        <ol className="space-y-3">
          {products.map((product) => (
            <li key={product.tiktok_product_id} className="text-sm">
              <div className="flex justify-between gap-2">
                <span className="truncate font-medium">{product.product_name}</span>
                <span className="shrink-0 tabular-nums">
                  {formatInteger(product.units)} unit{product.units === 1 ? '' : 's'} ·{' '}
                  {formatMoney(product.revenue_cents, currency)}
                </span>
              </div>
              <div className="mt-1 h-1.5 rounded-full bg-muted" aria-hidden>
                <div
                  className="h-1.5 rounded-full bg-brand"
                  style={{ width: `${(product.units / max) * 100}%` }}
                />
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
