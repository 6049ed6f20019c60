'use client';

import { Loader2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { adjustStockSchema } from '@/lib/inventory/schemas';
import { describeApiError, fetchJson } from '@/lib/orders/hooks/fetch-json';

/**
 * A counted stock change for one SKU (delivery in, damage out, a stock take), sent to
 * POST /api/inventory/adjust {sku_id, warehouse_id, delta, reason}. The body is checked with the
 * route's own zod schema first; whatever the route refuses (e.g. taking stock below what orders
 * hold) is shown as it answered.
 */
export function AdjustStockDialog({
  skuId,
  label,
  warehouses,
}: {
  skuId: string;
  label: string;
  warehouses: string[];
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [warehouse, setWarehouse] = useState(warehouses[0] ?? '');
  const [delta, setDelta] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    const parsed = adjustStockSchema.safeParse({
      sku_id: skuId,
      warehouse_id: warehouse,
      delta: Number(delta),
      reason,
    });
    if (!parsed.success) {
      setError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
      return;
    }
    setPending(true);
    try {
      await fetchJson('/api/inventory/adjust', { method: 'POST', body: JSON.stringify(parsed.data) });
      setOpen(false);
      setDelta('');
      setReason('');
      router.refresh();
    } catch (caught) {
      setError(describeApiError(caught));
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog open={open} onOpenChange={(next) => (setOpen(next), setError(null))}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          Adjust<span className="sr-only"> stock of {label}</span>
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Adjust stock</DialogTitle>
            <DialogDescription>
              {label}. Positive numbers add units (a delivery), negative remove them (damage, a recount).
            </DialogDescription>
          </DialogHeader>
          <label className="grid gap-1 text-sm font-medium">
            Warehouse
            <Input
              list={`warehouses-${skuId}`}
              value={warehouse}
              onChange={(event) => setWarehouse(event.target.value)}
              required
              maxLength={64}
            />
            <datalist id={`warehouses-${skuId}`}>
              {warehouses.map((id) => (
                <option key={id} value={id} />
              ))}
            </datalist>
          </label>
          <label className="grid gap-1 text-sm font-medium">
            Change in units
            <Input
              type="number"
              inputMode="numeric"
              step={1}
              value={delta}
              onChange={(event) => setDelta(event.target.value)}
              required
              placeholder="e.g. 120 or -3"
            />
          </label>
          <label className="grid gap-1 text-sm font-medium">
            Reason
            <Input
              list="stock-reasons"
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              required
              maxLength={200}
              placeholder="Delivery received, stock take, damaged…"
            />
            <datalist id="stock-reasons">
              <option value="Delivery received" />
              <option value="Stock take" />
              <option value="Damaged" />
              <option value="Returned to stock" />
            </datalist>
          </label>
          {error ? (
            <Alert variant="destructive">
              <AlertTitle>Stock not changed</AlertTitle>
              <AlertDescription>{error}</AlertDescription>
            </Alert>
          ) : null}
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? <Loader2 className="animate-spin" aria-hidden /> : null}
              Save adjustment
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
