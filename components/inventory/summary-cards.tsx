import { cn } from '@/lib/utils';

/** A row of headline figures (every number passed in comes from the database). */
export function SummaryCards({
  items,
}: {
  items: { label: string; value: string; tone?: 'critical' | 'warning' }[];
}) {
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
      {items.map((item) => (
        <div key={item.label} className="rounded-xl border bg-card p-4">
          <dt className="text-xs font-medium text-muted-foreground">{item.label}</dt>
          <dd
            className={cn(
              'mt-1 text-2xl font-semibold tabular-nums',
              item.tone === 'critical' && 'text-red-700',
              item.tone === 'warning' && 'text-amber-800',
            )}
          >
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
