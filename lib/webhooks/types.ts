import type { webhookEvents } from '@/lib/db/schema/webhooks';

export type StoredWebhookEvent = typeof webhookEvents.$inferSelect;
