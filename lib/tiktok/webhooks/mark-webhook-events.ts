import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { anyOf, tables, type Tx } from '@/lib/db';

/**
 * Settles TikTok webhook events still pending. processing_ms is the time from receipt until the
 * event's effect was committed (an order event is done when its order landed, not when the job that
 * queued the fetch ran), which is what the shop's "average processing time" panel reports. clock_timestamp,
 * not now(): the transaction may have started before a slow TikTok call.
 */
export async function settleWebhookEvents(
  tx: Tx,
  eventIds: readonly string[],
  outcome: { status: 'processed' | 'failed' | 'ignored'; error?: string | null },
): Promise<void> {
  if (eventIds.length === 0) return;
  const e = tables.webhookEvents;
  await tx
    .update(e)
    .set({
      status: outcome.status,
      error: outcome.error ? outcome.error.slice(0, 2000) : null,
      attempts: sql`${e.attempts} + 1`,
      processedAt: sql`clock_timestamp()`,
      processingMs: sql`greatest(0, round(extract(epoch from clock_timestamp() - ${e.receivedAt}) * 1000))::int`,
    })
    // By id alone (ids are unique across providers): a `provider = 'tiktok'` condition here let the
    // planner, with statistics from before a burst, read every TikTok event through the provider index.
    .where(and(anyOf(e.id, eventIds), eq(e.status, 'pending')));
}
