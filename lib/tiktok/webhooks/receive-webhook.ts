import 'server-only';
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { asSystem, tables } from '@/lib/db';
import { logger } from '@/lib/logger';
import { parseWebhookBody, parseWebhookJson } from '../parse-webhook-body';
import { verifyWebhookSignature } from '../sign';
import { TOPIC_BY_TYPE } from '../webhook-schemas';
import { applyTikTokWebhookEvent, type ProcessOutcome } from './process-webhook-event';
import { receiveOrderStatusChange } from './receive-order-status-change';

export type ReceiveWebhookResult =
  /** Signature missing or wrong: 401, nothing stored. */
  | { status: 401 }
  /** Not JSON, or not a TikTok envelope: 400, nothing stored. */
  | { status: 400; error: string }
  | {
      status: 200;
      outcome: 'accepted' | 'duplicate' | 'ignored' | 'unmatched' | 'invalid_data';
      eventId?: string;
      /** What applying an accepted event did (orders_requested, stale, …). */
      applied?: ProcessOutcome;
    };

export interface ReceiveWebhookInput {
  rawBody: Buffer;
  authorization: string | null;
  appKey: string;
  appSecret: string;
}

/** TikTok's name for a topic (`ORDER_STATUS_CHANGE`), or `TYPE_<n>` for topics we do not read. */
const eventTypeOf = (type: number) => TOPIC_BY_TYPE.get(type) ?? `TYPE_${type}`;

/**
 * POST /api/webhooks/tiktok after the HTTP edge: verify the `Authorization` HMAC over the raw bytes
 * (timing-safe), parse, then in ONE transaction store the event, deduplicated on tts_notification_id
 * (sha256 of the body when TikTok omits it) through webhook_events unique(provider, provider_event_id),
 * and apply it: an order event becomes a durable "fetch this order" request (plus, after commit, the
 * shop's debounced sync job), a product event a product sync request, an authorization event a change
 * to the shop. Those are a few statements, well inside TikTok's 3 s; every call to TikTok happens in
 * the jobs. (Applying in the route rather than in a job per event saves the spike four job round trips
 * per order; `tiktok.process-webhook` remains for admin replays.) ORDER_STATUS_CHANGE from a connected
 * shop, most of a spike's traffic, takes the same steps in one statement, shared by the events that
 * arrive together (group commit, receive-order-status-change.ts), and is answered
 * once that statement has committed. If the follow-up enqueue fails after commit, the requests wait
 * for the shop's catch-up poll, which schedules a sync for pending requests.
 *
 * Acknowledged without a job (200): unknown topics and shops nobody connected (stored as `ignored`,
 * the latter with account_id null), and known topics whose `data` we cannot read (stored as `failed`,
 * visible and replayable on the admin page, rather than 400s TikTok would retry and then drop).
 */
export async function receiveTikTokWebhook(input: ReceiveWebhookInput): Promise<ReceiveWebhookResult> {
  const { rawBody } = input;
  if (!verifyWebhookSignature({ appKey: input.appKey, appSecret: input.appSecret, rawBody, authorization: input.authorization })) {
    return { status: 401 };
  }
  let json: unknown;
  try {
    json = parseWebhookBody(rawBody.toString('utf8'));
  } catch {
    return { status: 400, error: 'body is not valid JSON' };
  }
  const parsed = parseWebhookJson(json);
  if (!parsed.ok && parsed.stage !== 'data') return { status: 400, error: parsed.error };
  // Envelope fields are valid here even when `data` is not (stage 'data').
  const envelope = json as { type: number; shop_id: string | number; tts_notification_id?: string | number };
  const tiktokShopId = String(envelope.shop_id);
  const providerEventId =
    envelope.tts_notification_id !== undefined
      ? String(envelope.tts_notification_id)
      : `sha256:${createHash('sha256').update(rawBody).digest('hex')}`;
  const known = TOPIC_BY_TYPE.has(envelope.type);

  if (parsed.ok && parsed.event.topic === 'ORDER_STATUS_CHANGE') {
    const received = await receiveOrderStatusChange({ event: parsed.event, payload: json, tiktokShopId, providerEventId, bodyBytes: rawBody.length });
    if (received) {
      await runAfterCommit(received.afterCommit);
      return received.outcome === 'duplicate'
        ? { status: 200, outcome: 'duplicate' }
        : { status: 200, outcome: 'accepted', eventId: received.eventId, applied: received.outcome };
    }
  }

  const result = await asSystem(async (tx) => {
    // The shop as it is now: applying the event needs its account and its status (a deauthorized
    // shop's events are ignored), so it is read fresh, once.
    const [shop] = await tx.select().from(tables.tiktokShops).where(eq(tables.tiktokShops.shopId, tiktokShopId));
    const outcome = !parsed.ok ? 'invalid_data' : !shop ? 'unmatched' : known ? 'accepted' : 'ignored';
    const finished = outcome !== 'accepted';
    const [stored] = await tx
      .insert(tables.webhookEvents)
      .values({
        provider: 'tiktok',
        providerEventId,
        eventType: eventTypeOf(envelope.type),
        externalRef: tiktokShopId,
        accountId: shop?.accountId ?? null,
        payload: json as Record<string, unknown>,
        status: outcome === 'invalid_data' ? 'failed' : finished ? 'ignored' : 'pending',
        error: !parsed.ok ? parsed.error.slice(0, 2000) : outcome === 'unmatched' ? 'no connected shop has this shop_id' : outcome === 'ignored' ? 'topic not handled' : null,
        ...(finished ? { processedAt: sql`now()` } : {}),
      })
      .onConflictDoNothing({ target: [tables.webhookEvents.provider, tables.webhookEvents.providerEventId] })
      .returning({ id: tables.webhookEvents.id, receivedAt: tables.webhookEvents.receivedAt });
    if (!stored) return { response: { status: 200, outcome: 'duplicate' } as const, afterCommit: [] };
    if (finished || !parsed.ok || !shop) return { response: { status: 200, outcome, eventId: stored.id } as const, afterCommit: [] };
    const applied = await applyTikTokWebhookEvent(tx, { shop, event: parsed.event, eventId: stored.id, receivedAt: stored.receivedAt });
    return { response: { status: 200, outcome, eventId: stored.id, applied: applied.outcome } as const, afterCommit: applied.afterCommit };
  });
  await runAfterCommit(result.afterCommit);
  return result.response;
}

async function runAfterCommit(steps: readonly (() => Promise<unknown>)[]): Promise<void> {
  for (const step of steps) {
    await step().catch((error: unknown) => logger.warn({ err: error }, 'tiktok webhook follow-up failed; the catch-up poll picks it up'));
  }
}
