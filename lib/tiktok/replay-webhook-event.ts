import 'server-only';
import type { Tx } from '@/lib/db';
import { enqueue } from '@/lib/queue';
import type { StoredWebhookEvent } from '@/lib/webhooks/types';

/**
 * Re-processes a stored tiktok webhook event (ops "replay" on the admin page): the caller has set it
 * back to pending; this enqueues `tiktok.process-webhook`, which applies it as the live route does, inside
 * tx. Processing is idempotent (requests merge, ingestion never moves an order backwards), and an
 * event stored before its shop was connected is matched to the shop now.
 */
export async function replayTiktokWebhookEvent(tx: Tx, event: StoredWebhookEvent): Promise<void> {
  await enqueue('tiktok.process-webhook', { eventId: event.id }, { tx });
}
