import 'server-only';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { StoredWebhookEvent } from '@/lib/webhooks/types';

/**
 * Re-processes a stored billing webhook event (ops "replay" on the admin page): enqueue the same
 * processing job the live route enqueues, inside tx. Processing is idempotent, so a replay of an
 * event that already took effect changes nothing.
 */
export async function replayBillingWebhookEvent(_tx: Tx, _event: StoredWebhookEvent): Promise<void> {
  throw new AppError('CONFLICT', 'Replay is not available for billing events yet');
}
