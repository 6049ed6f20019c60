import 'server-only';
import { sql } from 'drizzle-orm';
import { asSystem, coalesce, systemDb } from '@/lib/db';
import { holdsNothingNewerSql } from '@/lib/orders/ingest';
import { scheduleOrderSync, upsertOrderSyncRequestRows } from '../sync/request-order-sync';
import type { TikTokWebhookEvent } from '../webhook-schemas';
import { noteWebhookSeen } from './process-webhook-event';

type OrderStatusEvent = Extract<TikTokWebhookEvent, { topic: 'ORDER_STATUS_CHANGE' }>;

export type ReceivedOrderStatus = {
  outcome: 'duplicate' | 'stale' | 'orders_requested';
  eventId?: string;
  /**
   * The shop's debounced sync and its "last heard from TikTok", once the statement has committed.
   * A statement's steps go to one of its callers per shop, the others get none: a spike schedules
   * each shop once per statement, not once per event.
   */
  afterCommit: (() => Promise<unknown>)[];
};

type OrderStatusInput = {
  event: OrderStatusEvent;
  payload: unknown;
  tiktokShopId: string;
  providerEventId: string;
  /** The request body's size: a statement carries its events' payloads, so its size is capped. */
  bodyBytes: number;
};

/** A statement's answer for each event of a connected shop; `id` and `received_at` are null for a duplicate. */
type StoredRow = { provider_event_id: string; shop_id: string; account_id: string; stale: boolean; id: string | null; received_at: string | null };

const STALE = 'a newer state of the order is already stored';
/** Events per statement at most; a spike's payloads are a few hundred bytes each. */
const MAX_BATCH = 200;
/** And at most this many bytes of them (a body may be up to 1 MiB, WEBHOOK_MAX_BYTES). */
const MAX_BATCH_BYTES = 4 * 1024 * 1024;
/**
 * A statement of several events waits at most this long for a row lock (a fetch request that an
 * ingestion transaction is settling, say); then they go one by one, each waiting only for its own
 * rows, so one held lock never stalls every other event of the process behind it.
 */
const BATCH_LOCK_TIMEOUT = '2s';

const submit = coalesce(receiveBatch, { maxBatch: MAX_BATCH, maxWeight: MAX_BATCH_BYTES, weigh: (input) => input.bodyBytes });

/**
 * The hot path of a spike, ORDER_STATUS_CHANGE from a connected shop, with group commit: the events
 * that arrive while a statement is in flight (a spike's four per order, of many orders) share the
 * next statement, and its one commit, instead of one each; an event that finds none in flight goes
 * at once, alone. Each statement (with no transaction around it when alone; a batch's in a short one
 * that caps its lock waits, BATCH_LOCK_TIMEOUT) finds the connected shops, judges each event
 * against its order as we hold it (holdsNothingNewerSql, ingestion's update_time rule rendered in
 * SQL), stores the events deduplicated, as processed when they bring nothing newer, and, only for
 * those new and newer, requests their orders' fetch (a CTE is atomic on its own, so the events and
 * their requests exist together or not at all). It resolves once its statement has committed, so
 * the route answers 200 for a durable event. Same effect as the general path (receive-webhook.ts →
 * applyTikTokWebhookEvent), which every other topic takes and which this hands back to (null) for a
 * shop that is unknown or not connected.
 */
export function receiveOrderStatusChange(input: OrderStatusInput): Promise<ReceivedOrderStatus | null> {
  return submit(input);
}

/** coalesce's run: the receptions of one statement → each caller's answer, in order. */
async function receiveBatch(inputs: OrderStatusInput[]): Promise<(ReceivedOrderStatus | null)[]> {
  // The same notification twice (a duplicate delivery arriving concurrently) goes in once; the
  // others answer as duplicates once the first is stored, or with it take the general path (null).
  const firsts = new Map<string, OrderStatusInput>();
  for (const input of inputs) if (!firsts.has(input.providerEventId)) firsts.set(input.providerEventId, input);
  const unique = [...firsts.values()];
  const rows = await store(unique);
  const stored = new Map(rows.map((row) => [row.provider_event_id, row]));
  const followUps = followUpsByShop(rows);
  return inputs.map((input) => {
    const row = stored.get(input.providerEventId);
    if (!row) return null;
    const afterCommit = followUps.get(row.shop_id) ?? [];
    followUps.delete(row.shop_id);
    if (!row.id || firsts.get(input.providerEventId) !== input) return { outcome: 'duplicate', afterCommit };
    return { outcome: row.stale ? 'stale' : 'orders_requested', eventId: row.id, afterCommit };
  });
}

/** Per shop: its sync if any new event requested an order, and the latest time one was received. */
function followUpsByShop(rows: readonly StoredRow[]): Map<string, (() => Promise<unknown>)[]> {
  const shops = new Map<string, { requested: boolean; receivedAt?: Date; accountId: string }>();
  for (const row of rows) {
    const shop = shops.get(row.shop_id) ?? { requested: false, accountId: row.account_id };
    if (row.id && row.received_at) {
      const receivedAt = new Date(row.received_at);
      shop.requested ||= !row.stale;
      if (!shop.receivedAt || receivedAt > shop.receivedAt) shop.receivedAt = receivedAt;
    }
    shops.set(row.shop_id, shop);
  }
  return new Map(
    [...shops].map(([shopId, { requested, receivedAt, accountId }]) => [
      shopId,
      [...(requested ? [() => scheduleOrderSync({ shopId, accountId })] : []), ...(receivedAt ? [() => noteWebhookSeen(shopId, receivedAt)] : [])],
    ]),
  );
}

/**
 * The statement, for one event or many, of any shops and orders, set-based over the rows of a JSON
 * list (one parameter, so its text, and its prepared plan, stay the same whatever the size). Each
 * order gets ONE request carrying all its new, newer events (ON CONFLICT DO UPDATE cannot touch a
 * row twice in one statement). Both inserts go in key order, events by their id, requests by shop
 * and order as upsertOrderSyncRequests sorts them, so concurrent statements (other processes) that
 * share rows wait on each other rather than deadlock. One event alone (an idle process, or each
 * event of a failed batch again) runs without a transaction and waits for its rows as long as it
 * takes; several wait at most BATCH_LOCK_TIMEOUT.
 */
async function store(inputs: readonly OrderStatusInput[]): Promise<StoredRow[]> {
  const events = inputs.map(({ event: { data }, payload, tiktokShopId, providerEventId }) => ({
    provider_event_id: providerEventId,
    tiktok_shop_id: tiktokShopId,
    order_id: data.order_id,
    order_status: data.order_status,
    update_time: data.update_time,
    payload,
  }));
  const nothingNewer = holdsNothingNewerSql(
    { orderStatus: sql`o.order_status`, tiktokUpdateTime: sql`o.tiktok_update_time` },
    { orderStatus: sql`v.order_status`, updateTime: sql`v.update_time` },
  );
  const statement = sql`
    with judged as (
      select v.provider_event_id, v.tiktok_shop_id, v.order_id, v.payload, s.id as shop_id, s.account_id,
        coalesce((select ${nothingNewer} from public.orders o where o.shop_id = s.id and o.tiktok_order_id = v.order_id), false) as stale
      from jsonb_to_recordset(${JSON.stringify(events)}::jsonb)
        as v(provider_event_id text, tiktok_shop_id text, order_id text, order_status text, update_time bigint, payload jsonb)
      join public.tiktok_shops s on s.shop_id = v.tiktok_shop_id and s.status = 'connected'),
    event as (
      insert into public.webhook_events (account_id, provider, provider_event_id, event_type, external_ref, payload, status, attempts, error, processed_at, processing_ms)
      select account_id, 'tiktok', provider_event_id, 'ORDER_STATUS_CHANGE', tiktok_shop_id, payload,
        case when stale then 'processed' else 'pending' end, case when stale then 1 else 0 end, case when stale then ${STALE} end,
        case when stale then clock_timestamp() end, case when stale then 0 end
      from judged
      order by provider_event_id collate "C"
      on conflict (provider, provider_event_id) do nothing
      returning id, provider_event_id, received_at, status),
    fresh as (
      select judged.shop_id, judged.account_id, judged.order_id, array_agg(event.id order by event.id) as event_ids
      from event join judged using (provider_event_id)
      where event.status = 'pending'
      group by judged.shop_id, judged.account_id, judged.order_id),
    request as (${upsertOrderSyncRequestRows({
      shopId: sql`fresh.shop_id`,
      tiktokOrderId: sql`fresh.order_id`,
      accountId: sql`fresh.account_id`,
      eventIds: sql`fresh.event_ids`,
      from: sql`fresh`,
      orderBy: sql`fresh.shop_id, fresh.order_id collate "C"`,
    })})
    select judged.provider_event_id, judged.shop_id, judged.account_id, judged.stale, event.id, event.received_at
    from judged left join event using (provider_event_id)`;
  if (inputs.length === 1) return (await systemDb().execute<StoredRow>(statement)).rows;
  return asSystem(async (tx) => {
    await tx.execute(sql`select set_config('lock_timeout', ${BATCH_LOCK_TIMEOUT}, true)`);
    return (await tx.execute<StoredRow>(statement)).rows;
  });
}
