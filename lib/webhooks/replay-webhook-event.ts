import 'server-only';
import { eq } from 'drizzle-orm';
import { replayBillingWebhookEvent } from '@/lib/billing/replay-webhook-event';
import { asSystem, tables } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { replayShippingWebhookEvent } from '@/lib/shipping/replay-webhook-event';
import { replayTiktokWebhookEvent } from '@/lib/tiktok/replay-webhook-event';
import type { StoredWebhookEvent } from './types';

const replayers: Record<StoredWebhookEvent['provider'], (tx: Parameters<typeof replayTiktokWebhookEvent>[0], event: StoredWebhookEvent) => Promise<void>> = {
  tiktok: replayTiktokWebhookEvent,
  shippo: replayShippingWebhookEvent,
  easypost: replayShippingWebhookEvent,
  stripe: replayBillingWebhookEvent,
};

/** Ops only (the caller checks): hands a stored event back to its domain's processing job. */
export async function unsafeReplayWebhookEvent(eventId: string): Promise<void> {
  await asSystem(async (tx) => {
    const [event] = await tx.select().from(tables.webhookEvents).where(eq(tables.webhookEvents.id, eventId)).for('update');
    if (!event) throw new AppError('NOT_FOUND', 'Webhook event not found');
    await tx.update(tables.webhookEvents).set({ status: 'pending', error: null }).where(eq(tables.webhookEvents.id, eventId));
    await replayers[event.provider](tx, event);
  });
}
