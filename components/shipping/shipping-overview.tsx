import { formatInteger, formatMoney } from '@/components/ui/format';
import type { ShippingSummary } from '@/lib/orders/queries';

const WINDOW_LABELS = { '24h': 'Last 24 hours', '7d': 'Last 7 days', '30d': 'Last 30 days' } as const;

/** Label spend per window, spend per carrier service, and where the parcels are. */
export function ShippingOverview({ summary }: { summary: ShippingSummary }) {
  const trackedTotal = summary.tracking.reduce((sum, row) => sum + row.shipments, 0);
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <section aria-labelledby="spend-heading" className="rounded-xl border bg-card p-4">
        <h2 id="spend-heading" className="mb-3 font-semibold">
          Label spend
        </h2>
        <dl className="space-y-2">
          {summary.spend.map((row) => (
            <div key={row.window} className="flex items-baseline justify-between gap-2">
              <dt className="text-sm text-muted-foreground">{WINDOW_LABELS[row.window]}</dt>
              <dd className="text-right">
                <span className="text-lg font-semibold tabular-nums">
                  {formatMoney(Math.round(row.cost * 100), row.currency)}
                </span>
                <span className="ml-2 text-xs text-muted-foreground">{formatInteger(row.labels)} labels</span>
              </dd>
            </div>
          ))}
        </dl>
        {summary.needs_attention ? (
          <p className="mt-3 text-sm font-medium text-red-700">
            {summary.needs_attention} label purchase(s) need attention (failed, unknown or void pending).
          </p>
        ) : null}
      </section>
      <section aria-labelledby="services-heading" className="rounded-xl border bg-card p-4">
        <h2 id="services-heading" className="mb-3 font-semibold">
          By service, 30 days
        </h2>
        {summary.by_service.length ? (
          <table className="w-full text-sm">
            <thead className="text-left text-xs text-muted-foreground">
              <tr>
                <th scope="col" className="pb-1 font-medium">
                  Service
                </th>
                <th scope="col" className="pb-1 pl-3 text-right font-medium">
                  Labels
                </th>
                <th scope="col" className="pb-1 pl-3 text-right font-medium">
                  Avg
                </th>
                <th scope="col" className="pb-1 pl-3 text-right font-medium">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.by_service.map((row) => (
                <tr key={`${row.provider}-${row.service}`}>
                  <td className="py-0.5">
                    {row.provider} · {row.service}
                  </td>
                  <td className="py-0.5 pl-3 text-right tabular-nums">{formatInteger(row.labels)}</td>
                  <td className="py-0.5 pl-3 text-right tabular-nums">
                    {formatMoney(Math.round(row.average_cost * 100))}
                  </td>
                  <td className="py-0.5 pl-3 text-right tabular-nums">
                    {formatMoney(Math.round(row.cost * 100))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-sm text-muted-foreground">No labels bought in the last 30 days.</p>
        )}
      </section>
      <section aria-labelledby="tracking-heading" className="rounded-xl border bg-card p-4">
        <h2 id="tracking-heading" className="mb-3 font-semibold">
          Where parcels are, 30 days
        </h2>
        {summary.tracking.length ? (
          <ul className="space-y-2 text-sm">
            {summary.tracking.map((row) => (
              <li key={row.status}>
                <div className="flex justify-between">
                  <span className="capitalize">{row.status.replace(/_/g, ' ')}</span>
                  <span className="tabular-nums">{formatInteger(row.shipments)}</span>
                </div>
                <div className="mt-1 h-1.5 rounded-full bg-muted" aria-hidden>
                  <div
                    className="h-1.5 rounded-full bg-foreground/70"
                    style={{ width: `${(row.shipments / trackedTotal) * 100}%` }}
                  />
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">Nothing in transit.</p>
        )}
      </section>
    </div>
  );
}
