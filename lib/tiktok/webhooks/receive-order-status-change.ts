import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { systemDb, tables } from '@/lib/db';
import { scheduleOrderSync, upsertOrderSyncRequests } from '../sync/request-order-sync';
import type { TikTokWebhookEvent } from '../webhook-schemas';
import { isAlreadyHeld, noteWebhookSeen } from './process-webhook-event';

type OrderStatusEvent = Extract<TikTokWebhookEvent, { topic: 'ORDER_STATUS_CHANGE' }>;

export type ReceivedOrderStatus = {
  outcome: 'duplicate' | 'stale' | 'orders_requested';
  eventId?: string;
  /** The shop's debounced sync and its "last heard from TikTok", once the statement has committed. */
  afterCommit: (() => Promise<unknown>)[];
};

const STALE = 'a newer state of the order is already stored';

/**
 * The hot path of a spike, ORDER_STATUS_CHANGE from a connected shop, in two statements and no
 * transaction: one read (the shop, and what we hold of the order), then one write that stores the
 * event deduplicated and, only if it was new, requests the order's fetch (a CTE: atomic on its
 * own, so the event and its request exist together or not at all). Same effect as the general
 * path (receive-webhook.ts → applyTikTokWebhookEvent), which every other topic takes and which
 * this hands back to (null) for a shop that is unknown or not connected.
 */
export async function receiveOrderStatusChange(input: {
  event: OrderStatusEvent;
  payload: unknown;
  tiktokShopId: string;
  providerEventId: string;
}): Promise<ReceivedOrderStatus | null> {
  const s = tables.tiktokShops;
  const o = tables.orders;
  const db = systemDb();
  const orderId = input.event.data.order_id;
  const [found] = await db
    .select({ shopId: s.id, accountId: s.accountId, status: s.status, orderStatus: o.orderStatus, tiktokUpdateTime: o.tiktokUpdateTime })
    .from(s)
    .leftJoin(o, and(eq(o.shopId, s.id), eq(o.accountId, s.accountId), eq(o.tiktokOrderId, orderId)))
    .where(eq(s.shopId, input.tiktokShopId));
  if (!found || found.status !== 'connected') return null;
  const shop = { shopId: found.shopId, accountId: found.accountId };
  const stale = isAlreadyHeld(found.orderStatus === null ? null : { orderStatus: found.orderStatus, tiktokUpdateTime: found.tiktokUpdateTime ?? 0 }, input.event.data);

  const insertEvent = sql`
    insert into public.webhook_events (account_id, provider, provider_event_id, event_type, external_ref, payload, status, attempts, error, processed_at, processing_ms)
    values (${shop.accountId}::uuid, 'tiktok', ${input.providerEventId}, 'ORDER_STATUS_CHANGE', ${input.tiktokShopId}, ${JSON.stringify(input.payload)}::jsonb,
      ${stale ? 'processed' : 'pending'}, ${stale ? 1 : 0}, ${stale ? STALE : null}, ${stale ? sql`clock_timestamp()` : sql`null`}, ${stale ? 0 : null}::int)
    on conflict (provider, provider_event_id) do nothing
    returning id, received_at`;
  const { rows } = await db.execute<{ id: string; received_at: string }>(
    stale
      ? insertEvent
      : sql`with event as (${insertEvent}), request as (${upsertOrderSyncRequests(shop, [orderId], sql`array[event.id]`, sql`event`)}) select id, received_at from event`,
  );
  const stored = rows[0];
  if (!stored) return { outcome: 'duplicate', afterCommit: [] };
  const receivedAt = new Date(stored.received_at);
  return {
    outcome: stale ? 'stale' : 'orders_requested',
    eventId: stored.id,
    afterCommit: [...(stale ? [] : [() => scheduleOrderSync(shop)]), () => noteWebhookSeen(shop.shopId, receivedAt)],
  };
}
