import 'server-only';
import { sql } from 'drizzle-orm';
import { systemDb } from '@/lib/db';
import { holdsNothingNewerSql } from '@/lib/orders/ingest';
import { scheduleOrderSync, upsertOrderSyncRequests } from '../sync/request-order-sync';
import type { TikTokWebhookEvent } from '../webhook-schemas';
import { noteWebhookSeen } from './process-webhook-event';

type OrderStatusEvent = Extract<TikTokWebhookEvent, { topic: 'ORDER_STATUS_CHANGE' }>;

export type ReceivedOrderStatus = {
  outcome: 'duplicate' | 'stale' | 'orders_requested';
  eventId?: string;
  /** The shop's debounced sync and its "last heard from TikTok", once the statement has committed. */
  afterCommit: (() => Promise<unknown>)[];
};

const STALE = 'a newer state of the order is already stored';

/**
 * The hot path of a spike, ORDER_STATUS_CHANGE from a connected shop, in ONE statement and no
 * transaction: it finds the connected shop, judges the event against the order as we hold it
 * (holdsNothingNewerSql, ingestion's update_time rule rendered in SQL), stores the event
 * deduplicated, as processed when it brings nothing newer, and, only if it was new and newer,
 * requests the order's fetch (a CTE is atomic on its own, so the event and its request exist
 * together or not at all). Same effect as the general path (receive-webhook.ts →
 * applyTikTokWebhookEvent), which every other topic takes and which this hands back to (null)
 * for a shop that is unknown or not connected.
 */
export async function receiveOrderStatusChange(input: {
  event: OrderStatusEvent;
  payload: unknown;
  tiktokShopId: string;
  providerEventId: string;
}): Promise<ReceivedOrderStatus | null> {
  const { data } = input.event;
  const nothingNewer = holdsNothingNewerSql({ orderStatus: sql`o.order_status`, tiktokUpdateTime: sql`o.tiktok_update_time` }, { orderStatus: data.order_status, updateTime: data.update_time });
  const { rows } = await systemDb().execute<{ shop_id: string; account_id: string; stale: boolean; id: string | null; received_at: string | null }>(sql`
    with shop as (
      select s.id as shop_id, s.account_id,
        coalesce((select ${nothingNewer} from public.orders o where o.shop_id = s.id and o.tiktok_order_id = ${data.order_id}), false) as stale
      from public.tiktok_shops s where s.shop_id = ${input.tiktokShopId} and s.status = 'connected'),
    event as (
      insert into public.webhook_events (account_id, provider, provider_event_id, event_type, external_ref, payload, status, attempts, error, processed_at, processing_ms)
      select account_id, 'tiktok', ${input.providerEventId}, 'ORDER_STATUS_CHANGE', ${input.tiktokShopId}, ${JSON.stringify(input.payload)}::jsonb,
        case when stale then 'processed' else 'pending' end, case when stale then 1 else 0 end, case when stale then ${STALE} end,
        case when stale then clock_timestamp() end, case when stale then 0 end
      from shop
      on conflict (provider, provider_event_id) do nothing
      returning id, received_at, status),
    request as (${upsertOrderSyncRequests(
      { shopId: sql`fresh.shop_id`, accountId: sql`fresh.account_id` }, [data.order_id], sql`array[fresh.id]`,
      sql`(select event.id, shop.shop_id, shop.account_id from event, shop where event.status = 'pending') as fresh`,
    )})
    select shop.shop_id, shop.account_id, shop.stale, event.id, event.received_at from shop left join event on true`);
  const [row] = rows;
  if (!row) return null;
  const shop = { shopId: row.shop_id, accountId: row.account_id };
  if (!row.id || !row.received_at) return { outcome: 'duplicate', afterCommit: [] };
  const receivedAt = new Date(row.received_at);
  return {
    outcome: row.stale ? 'stale' : 'orders_requested',
    eventId: row.id,
    afterCommit: [...(row.stale ? [] : [() => scheduleOrderSync(shop)]), () => noteWebhookSeen(shop.shopId, receivedAt)],
  };
}
