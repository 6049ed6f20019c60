import { cn } from '@/lib/utils';
import { formatCount } from './format';

/**
 * Orders used this period against the plan's allowance, as an accessible progress bar. Past
 * 80% it turns amber; over the allowance, red (automatic labels are paused).
 */
export function AllowanceBar({ used, allowance, label }: { used: number; allowance: number; label: string }) {
  const ratio = allowance > 0 ? Math.min(used / allowance, 1) : 1;
  const tone = used > allowance ? 'bg-destructive' : ratio >= 0.8 ? 'bg-warning' : 'bg-success';
  return (
    <div className="space-y-2">
      <div className="flex items-baseline justify-between text-sm">
        <span className="font-medium">{label}</span>
        <span className="text-muted-foreground" data-testid="usage-count">
          {formatCount(used)} of {formatCount(allowance)} orders
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={allowance}
        aria-valuenow={Math.min(used, allowance)}
        aria-valuetext={`${formatCount(used)} of ${formatCount(allowance)} orders used`}
        className="h-2.5 w-full overflow-hidden rounded-full bg-muted"
      >
        <div
          className={cn('h-full rounded-full transition-all', tone)}
          style={{ width: `${Math.round(ratio * 100)}%` }}
        />
      </div>
    </div>
  );
}
