import { AlertTriangle, Info } from 'lucide-react';
import { LocalTime } from '@/components/ui/local-time';
import type { AccountAlert } from '@/lib/inventory/queries';
import { cn } from '@/lib/utils';

/** Open alerts of the account (stock, backorders, shop connection, pipeline), critical first. */
export function AlertsPanel({ alerts, total }: { alerts: AccountAlert[]; total: number }) {
  if (alerts.length === 0) return null;
  return (
    <section aria-labelledby="alerts-heading" className="rounded-xl border bg-card p-4">
      <h2 id="alerts-heading" className="mb-3 font-semibold">
        Open alerts ({total}){total > alerts.length ? `, newest ${alerts.length} shown` : ''}
      </h2>
      <ul className="space-y-2">
        {alerts.map((alert) => (
          <li key={alert.id} className="flex items-start gap-3 text-sm">
            {alert.severity === 'info' ? (
              <Info className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
            ) : (
              <AlertTriangle
                className={cn(
                  'mt-0.5 size-4 shrink-0',
                  alert.severity === 'critical' ? 'text-red-700' : 'text-amber-700',
                )}
                aria-hidden
              />
            )}
            <div>
              <p className="font-medium">
                <span className="sr-only">{alert.severity}: </span>
                {alert.title}
              </p>
              {alert.body ? <p className="text-muted-foreground">{alert.body}</p> : null}
              <p className="text-xs text-muted-foreground">
                <LocalTime iso={alert.created_at} />
              </p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
