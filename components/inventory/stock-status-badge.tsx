import type { StockStatus } from '@/lib/inventory/queries/velocity';
import { cn } from '@/lib/utils';

const TONE: Record<StockStatus, string> = {
  critical: 'bg-red-100 text-red-900',
  low: 'bg-amber-100 text-amber-900',
  ok: 'bg-emerald-100 text-emerald-900',
};
const LABEL: Record<StockStatus, string> = { critical: 'Critical', low: 'Low', ok: 'OK' };

export function StockStatusBadge({ status }: { status: StockStatus }) {
  return (
    <span className={cn('inline-flex rounded-md px-2 py-0.5 text-xs font-medium', TONE[status])}>
      {LABEL[status]}
    </span>
  );
}
