import { z } from 'zod';

/**
 * The live-update protocol. Postgres triggers (migration 20261123005000) NOTIFY on channel
 * `creatorflow_changes` with one small JSON object per account and statement; GET /api/stream
 * batches them per subscriber and sends Server-Sent Events. Client-safe.
 */
export const CHANGE_CHANNEL = 'creatorflow_changes';
export const CHANGE_TABLES = ['orders', 'shipments', 'inventory_levels', 'alerts'] as const;
export type ChangeTable = (typeof CHANGE_TABLES)[number];

/** One NOTIFY payload: a single row (`id`) or a multi-row statement (`id` null, `count` rows). */
export const changeNotificationSchema = z.object({
  account_id: z.uuid(),
  table: z.enum(CHANGE_TABLES),
  id: z.uuid().nullable(),
  count: z.number().int().min(1),
});
export type ChangeNotification = z.infer<typeof changeNotificationSchema>;

/**
 * One entry of an SSE `changes` event: what changed in one table of one account since the last
 * event. `ids` lists the changed rows when they are few; `partial` says more rows changed than
 * `ids` names (the client then refreshes the whole table's views instead of single rows).
 */
export const tableChangeSchema = z.object({
  account_id: z.uuid(),
  table: z.enum(CHANGE_TABLES),
  ids: z.array(z.uuid()),
  count: z.number().int().min(1),
  partial: z.boolean(),
});
export type TableChange = z.infer<typeof tableChangeSchema>;

export const changesEventSchema = z.object({ changes: z.array(tableChangeSchema) });
export type ChangesEvent = z.infer<typeof changesEventSchema>;

/** SSE event names sent by GET /api/stream. `resync`: events may have been missed, refetch all. */
export const STREAM_EVENTS = { ready: 'ready', changes: 'changes', resync: 'resync' } as const;
