import type { CircuitRow } from '@/lib/admin';
import { cn } from '@/lib/utils';

const TONE: Record<string, string> = {
  open: 'bg-red-100 text-red-900',
  'half-open': 'bg-amber-100 text-amber-900',
  closed: 'bg-emerald-100 text-emerald-900',
};

/** TikTok API circuit breakers of this server process, one per shop; open ones first. */
export function CircuitBreakers({ circuits }: { circuits: CircuitRow[] }) {
  if (circuits.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        No shop has called TikTok from this server process yet, so no breaker exists.
      </p>
    );
  }
  return (
    <ul className="grid gap-2 md:grid-cols-2">
      {circuits.map((circuit) => (
        <li
          key={circuit.shop_key}
          className="flex items-center justify-between gap-2 rounded-lg border p-3 text-sm"
          data-testid="circuit-row"
        >
          <span>
            <span className="font-medium">{circuit.shop_name ?? circuit.shop_key}</span>
            {circuit.account_name ? (
              <span className="text-muted-foreground"> · {circuit.account_name}</span>
            ) : null}
          </span>
          <span
            className={cn('rounded-md px-2 py-0.5 text-xs font-medium', TONE[circuit.state] ?? 'bg-muted')}
          >
            {circuit.state}
          </span>
        </li>
      ))}
    </ul>
  );
}
