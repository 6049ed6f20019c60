'use client';

import { ClipboardList, Loader2, Printer, X } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { describeApiError, useBulkUpdateStatus, type BulkStatusResult } from '@/lib/orders/hooks';
import { MAX_PICK_LIST_ORDERS } from '@/lib/orders/queries/schemas';
import { useOrderSelection } from '@/lib/orders/store';
import { BULK_STATUS_TARGETS } from './manual-actions';

/**
 * Appears while orders are selected: one status change for all of them through
 * POST /api/orders/bulk/status ({order_ids, status, reason}), with the route's per-order errors
 * shown, plus the pick list and packing slips for the selection.
 */
export function BulkActionBar({
  canUpdate,
  orderLabels,
}: {
  canUpdate: boolean;
  orderLabels: Record<string, string>;
}) {
  const selected = useOrderSelection((state) => state.selected);
  const clear = useOrderSelection((state) => state.clear);
  const mutation = useBulkUpdateStatus();
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<BulkStatusResult | null>(null);
  const ids = [...selected];
  const printable = ids.length <= MAX_PICK_LIST_ORDERS;
  const idsParam = encodeURIComponent(ids.join(','));

  if (ids.length === 0 && !result && !mutation.error) return null;

  const apply = (event: React.FormEvent) => {
    event.preventDefault();
    if (!target) return;
    setResult(null);
    mutation.mutate(
      { order_ids: ids, status: target, reason: reason.trim() || undefined },
      {
        onSuccess: (data) => {
          setResult(data);
          if (data.failed === 0) clear();
        },
      },
    );
  };

  return (
    <section
      aria-label="Bulk actions"
      className="sticky bottom-4 z-10 mt-4 space-y-3 rounded-xl border bg-card p-4 shadow-lg"
    >
      <div className="flex flex-wrap items-end gap-3">
        <p className="mr-2 text-sm font-medium" aria-live="polite">
          {ids.length} selected
        </p>
        {canUpdate && ids.length > 0 ? (
          <form onSubmit={apply} className="flex flex-wrap items-end gap-2">
            <label className="grid gap-1 text-xs font-medium text-muted-foreground">
              Change status to
              <NativeSelect
                className="w-44 text-foreground"
                value={target}
                onChange={(event) => setTarget(event.target.value)}
                required
              >
                <option value="">Choose…</option>
                {BULK_STATUS_TARGETS.map((target) => (
                  <option key={target.status} value={target.status}>
                    {target.label}
                  </option>
                ))}
              </NativeSelect>
            </label>
            <label className="grid gap-1 text-xs font-medium text-muted-foreground">
              Reason (kept in each order’s history)
              <Input
                className="w-64 text-foreground"
                value={reason}
                maxLength={500}
                onChange={(event) => setReason(event.target.value)}
              />
            </label>
            <Button type="submit" disabled={!target || ids.length === 0 || mutation.isPending}>
              {mutation.isPending ? <Loader2 className="animate-spin" aria-hidden /> : null}
              Apply to {ids.length}
            </Button>
          </form>
        ) : null}
        <div className="ml-auto flex gap-2">
          {printable && ids.length > 0 ? (
            <>
              <Button variant="outline" size="sm" asChild>
                <Link href={`/orders/pick-list?ids=${idsParam}`}>
                  <ClipboardList aria-hidden /> Pick list
                </Link>
              </Button>
              <Button variant="outline" size="sm" asChild>
                <Link href={`/orders/packing-slips?ids=${idsParam}`}>
                  <Printer aria-hidden /> Packing slips
                </Link>
              </Button>
            </>
          ) : ids.length > 0 ? (
            <p className="text-xs text-muted-foreground">
              Select at most {MAX_PICK_LIST_ORDERS} orders to print.
            </p>
          ) : null}
          <Button variant="ghost" size="sm" onClick={() => (clear(), setResult(null), mutation.reset())}>
            <X aria-hidden /> Clear
          </Button>
        </div>
      </div>
      {mutation.error ? (
        <Alert variant="destructive">
          <AlertTitle>The status change failed</AlertTitle>
          <AlertDescription>{describeApiError(mutation.error)}</AlertDescription>
        </Alert>
      ) : null}
      {result ? <BulkResult result={result} orderLabels={orderLabels} /> : null}
    </section>
  );
}

function BulkResult({
  result,
  orderLabels,
}: {
  result: BulkStatusResult;
  orderLabels: Record<string, string>;
}) {
  return (
    <Alert variant={result.failed ? 'warning' : 'default'}>
      <AlertTitle>
        {result.processed} updated{result.failed ? `, ${result.failed} not changed` : ''}
      </AlertTitle>
      {result.errors.length ? (
        <AlertDescription>
          <ul className="max-h-40 list-disc overflow-auto pl-4">
            {result.errors.map((error) => (
              <li key={error.order_id}>
                <Link className="font-mono underline" href={`/orders/${error.order_id}`}>
                  {orderLabels[error.order_id] ?? error.order_id.slice(0, 8)}
                </Link>
                : {error.error}
              </li>
            ))}
          </ul>
        </AlertDescription>
      ) : null}
    </Alert>
  );
}
