'use client';

import { Loader2 } from 'lucide-react';
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
import { Textarea } from '@/components/ui/textarea';
import type { WorkflowStatus } from '@/lib/db/schema/orders';
import { describeApiError, useUpdateOrderStatus } from '@/lib/orders/hooks';
import { WORKFLOW_STATUS_LABELS } from './labels';
import { manualActionsFor, type ManualAction } from './manual-actions';

/**
 * Manual status changes for one order (POST /api/orders/{id}/status with {status, reason}). Each
 * opens a dialog asking for the reason, which the order's history keeps.
 */
export function StatusActions({
  orderId,
  status,
  onHold,
}: {
  orderId: string;
  status: WorkflowStatus;
  onHold: boolean;
}) {
  const actions = manualActionsFor(status, { onHoldForReview: onHold });
  if (actions.length === 0) return null;
  return (
    <div className="flex flex-wrap gap-2">
      {actions.map((action) => (
        <StatusActionDialog key={action.event} orderId={orderId} status={status} action={action} />
      ))}
    </div>
  );
}

function StatusActionDialog({
  orderId,
  status,
  action,
}: {
  orderId: string;
  status: WorkflowStatus;
  action: ManualAction;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const mutation = useUpdateOrderStatus(orderId);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    mutation.mutate(
      { ...action.body, reason: reason.trim() || undefined },
      { onSuccess: () => setOpen(false) },
    );
  };
  return (
    <Dialog open={open} onOpenChange={(next) => (setOpen(next), next ? mutation.reset() : undefined)}>
      <DialogTrigger asChild>
        <Button variant={action.destructive ? 'destructive' : 'outline'} size="sm">
          {action.label}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{action.label}?</DialogTitle>
            <DialogDescription>
              {'status' in action.body
                ? `${WORKFLOW_STATUS_LABELS[status]} → ${WORKFLOW_STATUS_LABELS[action.body.status]}.`
                : action.body.action === 'hold'
                  ? 'The order keeps its stock, but no label is bought until you release it.'
                  : 'The order continues through fulfillment.'}{' '}
              The change and your reason are recorded in the order’s history.
            </DialogDescription>
          </DialogHeader>
          <label className="grid gap-1 text-sm font-medium">
            Reason
            <Textarea
              value={reason}
              maxLength={500}
              onChange={(event) => setReason(event.target.value)}
              placeholder="e.g. buyer asked to cancel by message"
            />
          </label>
          {mutation.error ? (
            <Alert variant="destructive">
              <AlertTitle>Not changed</AlertTitle>
              <AlertDescription>{describeApiError(mutation.error)}</AlertDescription>
            </Alert>
          ) : null}
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
              Keep as is
            </Button>
            <Button
              type="submit"
              variant={action.destructive ? 'destructive' : 'default'}
              disabled={mutation.isPending}
            >
              {mutation.isPending ? <Loader2 className="animate-spin" aria-hidden /> : null}
              {action.label}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
