import { formatDecimal, formatInteger } from '@/components/ui/format';
import type { WebhookProviderStats } from '@/lib/admin';

/** Per provider over the last 24 hours: volume, outcome, success rate and processing time. */
export function WebhookStats({ stats }: { stats: WebhookProviderStats[] }) {
  if (stats.length === 0)
    return <p className="text-sm text-muted-foreground">No webhooks received in the last 24 hours.</p>;
  return (
    <dl className="grid gap-3 md:grid-cols-2 xl:grid-cols-4">
      {stats.map((row) => (
        <div key={row.provider} className="rounded-xl border bg-card p-4" data-testid="webhook-stat">
          <dt className="text-sm font-semibold capitalize">{row.provider}</dt>
          <dd className="mt-2 space-y-1 text-sm">
            <p>
              <span className="text-2xl font-semibold tabular-nums">
                {row.success_rate === null ? '—' : `${formatDecimal(row.success_rate * 100)} %`}
              </span>{' '}
              <span className="text-muted-foreground">success</span>
            </p>
            <p className="text-muted-foreground">
              {formatInteger(row.total)} received · {formatInteger(row.failed)} failed ·{' '}
              {formatInteger(row.pending)} pending
            </p>
            <p className="text-muted-foreground">
              avg {row.average_ms === null ? '—' : `${formatInteger(row.average_ms)} ms`} · p95{' '}
              {row.p95_ms === null ? '—' : `${formatInteger(row.p95_ms)} ms`}
            </p>
          </dd>
        </div>
      ))}
    </dl>
  );
}
