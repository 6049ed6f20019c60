import 'server-only';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { enqueue } from '@/lib/queue';
import type { StoredWebhookEvent } from '@/lib/webhooks/types';

/**
 * Re-processes a stored shipping webhook event (ops "replay" on the admin page): enqueue the same
 * processing job the live route enqueues, inside tx. Processing is idempotent, so a replay of an
 * event that already took effect changes nothing.
 */
export async function replayShippingWebhookEvent(tx: Tx, event: StoredWebhookEvent): Promise<void> {
  if (event.provider !== 'shippo' && event.provider !== 'easypost') {
    throw new AppError('VALIDATION', `A ${event.provider} event is not a shipping event`);
  }
  await enqueue('shipping.process-tracking', { webhookEventId: event.id }, { tx });
}
