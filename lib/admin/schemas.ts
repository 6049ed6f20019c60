import { z } from 'zod';

/** pg-boss queue names here are `<domain>.<verb-noun>`, dead-letter queues add `.dead`. */
export const queueNameSchema = z.string().regex(/^[a-z]+\.[a-z][a-z0-9-]*(\.dead)?$/, 'not a queue name');

/** POST /api/admin/jobs/retry */
export const retryJobSchema = z.object({ queue: queueNameSchema, id: z.uuid() });
export type RetryJobInput = z.infer<typeof retryJobSchema>;

/** The pg-boss schema name is interpolated into SQL as an identifier: only plain names pass. */
export const queueSchemaNameSchema = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/);

export const WEBHOOK_PROVIDERS = ['tiktok', 'shippo', 'easypost', 'stripe'] as const;
export const WEBHOOK_STATUSES = ['pending', 'processed', 'failed', 'ignored'] as const;

/** The webhook log's filters (from the admin page URL); anything unknown is ignored. */
export const webhookLogQuerySchema = z.object({
  provider: z.enum(WEBHOOK_PROVIDERS).optional().catch(undefined),
  status: z.enum(WEBHOOK_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type WebhookLogQuery = z.infer<typeof webhookLogQuerySchema>;

export const auditLogQuerySchema = z.object({
  account_id: z.uuid().optional().catch(undefined),
  action: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type AuditLogQuery = z.infer<typeof auditLogQuerySchema>;
