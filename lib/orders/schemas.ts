import { z } from 'zod';
import { WORKFLOW_STATUSES, type WorkflowStatus } from '@/lib/db/schema/orders';
import type { WorkflowEvent } from './workflow/transitions';

/** What a person may do to an order by hand; each is an event of the transition table (source `user`). */
export const MANUAL_ACTIONS = ['hold', 'release', 'cancel', 'retry', 'mark_shipped', 'reserve'] as const;
export type ManualAction = (typeof MANUAL_ACTIONS)[number];

export const MANUAL_ACTION_EVENT: Record<ManualAction, WorkflowEvent> = {
  hold: 'hold', release: 'release', cancel: 'cancel', retry: 'retry', mark_shipped: 'mark_shipped', reserve: 'reserve_inventory',
};

/**
 * A manual change names either the target status (seed 004's `{status}`: the transition table
 * decides which user event leads there from where the order is) or the action (which also covers
 * hold and release, which keep the status).
 */
export type ManualTarget = { kind: 'status'; status: WorkflowStatus } | { kind: 'action'; action: ManualAction };

const changeFields = {
  status: z.enum(WORKFLOW_STATUSES).optional(),
  action: z.enum(MANUAL_ACTIONS).optional(),
  reason: z.string().trim().min(1).max(500).optional(),
  /** Send the buyer the shipped email on a manual ship (default true). */
  notify_customer: z.boolean().optional(),
  /** Push the tracking number to TikTok on a manual ship when the order has a label (default true). */
  sync_to_tiktok: z.boolean().optional(),
};

type ChangeFields = { status?: WorkflowStatus; action?: ManualAction; reason?: string; notify_customer?: boolean; sync_to_tiktok?: boolean };

function toChange(value: ChangeFields, ctx: z.RefinementCtx) {
  if (value.action && value.status) ctx.addIssue({ code: 'custom', message: 'give either status or action, not both' });
  if (!value.action && !value.status) ctx.addIssue({ code: 'custom', message: 'status or action is required' });
  const target: ManualTarget = value.action ? { kind: 'action', action: value.action } : { kind: 'status', status: value.status ?? 'new' };
  return { target, reason: value.reason, notifyCustomer: value.notify_customer ?? true, syncToTiktok: value.sync_to_tiktok ?? true };
}

export const changeOrderStatusSchema = z.object(changeFields).transform(toChange);
export type ChangeOrderStatusInput = z.output<typeof changeOrderStatusSchema>;

export const bulkChangeOrderStatusSchema = z
  .object({
    order_ids: z.array(z.uuid()).min(1).max(500).refine((ids) => new Set(ids).size === ids.length, 'order_ids must be unique'),
    batch_size: z.number().int().min(1).max(100).optional(),
    ...changeFields,
  })
  .transform((value, ctx) => ({ orderIds: value.order_ids, batchSize: value.batch_size ?? 25, change: toChange(value, ctx) }));
export type BulkChangeOrderStatusInput = z.output<typeof bulkChangeOrderStatusSchema>;
