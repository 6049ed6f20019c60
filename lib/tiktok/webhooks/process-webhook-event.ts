import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { asSystem, tables, type Tx } from '@/lib/db';
import { decideOrderChange } from '@/lib/orders/ingest';
import { parseWebhookJson } from '../parse-webhook-body';
import { applyAuthorizationExpiring, applySellerDeauthorization } from '../shops/apply-authorization-events';
import type { ShopRow } from '../shops/load-shop';
import { unscheduleReconciliation } from '../sync/reconcile-schedule';
import { requestOrderSync, scheduleOrderSync } from '../sync/request-order-sync';
import { requestProductSync, scheduleProductSync } from '../sync/request-product-sync';
import type { TikTokWebhookEvent } from '../webhook-schemas';
import { settleWebhookEvents } from './mark-webhook-events';

export type ProcessOutcome = 'orders_requested' | 'products_requested' | 'applied' | 'stale' | 'ignored' | 'failed' | 'already_done';

/** What an event changed, and what must run once that change has committed. */
export interface AppliedWebhookEvent {
  outcome: ProcessOutcome;
  /** Enqueue the sync that drains the requests (after commit: the rows must be visible to it). */
  afterCommit: (() => Promise<unknown>)[];
}

/**
 * One stored, still pending event → its effect, inside the caller's transaction. Order topics (1, 3,
 * 4, 11, 12) become "fetch these orders" requests drained by the per-shop sync job (the event is
 * settled when its order lands); product topics (5, 15, 16, 27) a product sync request; 6 and 7
 * change the shop at once. Cheap (a few statements), so the webhook route applies an event in the
 * transaction that stores it; the `tiktok.process-webhook` job applies replayed events.
 */
export async function applyTikTokWebhookEvent(
  tx: Tx,
  input: { shop: ShopRow; event: TikTokWebhookEvent; eventId: string; receivedAt: Date },
): Promise<AppliedWebhookEvent> {
  const afterCommit: (() => Promise<unknown>)[] = [];
  const outcome = await dispatch(tx, input.shop, input.event, input.eventId, afterCommit);
  afterCommit.push(() => noteWebhookSeen(input.shop.id, input.receivedAt));
  return { outcome, afterCommit };
}

/**
 * The `tiktok.process-webhook` job (admin replay): applies one stored event that is still pending.
 * Idempotent: a settled event is left alone, and requests merge.
 */
export async function processTikTokWebhookEvent(eventId: string): Promise<ProcessOutcome> {
  const applied = await asSystem(async (tx): Promise<AppliedWebhookEvent> => {
    const e = tables.webhookEvents;
    const [stored] = await tx.select().from(e).where(and(eq(e.id, eventId), eq(e.provider, 'tiktok'))).for('update');
    if (!stored || stored.status !== 'pending') return { outcome: 'already_done', afterCommit: [] };
    const parsed = parseWebhookJson(stored.payload);
    if (!parsed.ok) {
      await settleWebhookEvents(tx, [eventId], { status: 'failed', error: parsed.error });
      return { outcome: 'failed', afterCommit: [] };
    }
    const event = parsed.event;
    const [shop] = await tx.select().from(tables.tiktokShops).where(eq(tables.tiktokShops.shopId, event.shop_id));
    if (!shop) {
      await settleWebhookEvents(tx, [eventId], { status: 'ignored', error: 'no connected shop has this shop_id' });
      return { outcome: 'ignored', afterCommit: [] };
    }
    if (stored.accountId !== shop.accountId) await tx.update(e).set({ accountId: shop.accountId }).where(eq(e.id, eventId));
    return applyTikTokWebhookEvent(tx, { shop, event, eventId, receivedAt: stored.receivedAt });
  });
  for (const step of applied.afterCommit) await step();
  return applied.outcome;
}

/** When this process last wrote each shop's last_webhook_at (ms). */
const lastWebhookWrites = new Map<string, number>();

/**
 * Keeps tiktok_shops.last_webhook_at (the health page's "last heard from TikTok") about a second
 * fresh: after the event's commit, in its own statement, at most once a second per shop and
 * process. Every webhook of a spike would otherwise queue on the shop's row lock.
 */
export async function noteWebhookSeen(shopRowId: string, receivedAt: Date): Promise<void> {
  const now = Date.now();
  if ((lastWebhookWrites.get(shopRowId) ?? 0) > now - 1000) return;
  lastWebhookWrites.set(shopRowId, now);
  const s = tables.tiktokShops;
  await asSystem((tx) =>
    tx
      .update(s)
      .set({ lastWebhookAt: receivedAt })
      .where(and(eq(s.id, shopRowId), sql`(${s.lastWebhookAt} is null or ${s.lastWebhookAt} < ${receivedAt.toISOString()}::timestamptz - interval '1 second')`)),
  );
}

async function dispatch(
  tx: Tx,
  shop: ShopRow,
  event: TikTokWebhookEvent,
  eventId: string,
  after: (() => Promise<unknown>)[],
): Promise<ProcessOutcome> {
  const ref = { shopId: shop.id, accountId: shop.accountId };
  const settle = (status: 'processed' | 'ignored', error?: string) => settleWebhookEvents(tx, [eventId], { status, error });
  if (event.topic === 'SELLER_DEAUTHORIZATION') {
    await applySellerDeauthorization(tx, shop);
    after.push(() => unscheduleReconciliation(shop.id));
    await settle('processed');
    return 'applied';
  }
  if (shop.status !== 'connected') {
    await settle('ignored', `shop is ${shop.status}`);
    return 'ignored';
  }
  switch (event.topic) {
    case 'UPCOMING_AUTHORIZATION_EXPIRATION':
      await applyAuthorizationExpiring(tx, shop, event.data.expiration_time);
      await settle('processed');
      return 'applied';
    case 'ORDER_STATUS_CHANGE':
      if (await alreadyHave(tx, shop, event.data)) {
        await settle('processed', 'a newer state of the order is already stored');
        return 'stale';
      }
      return requestOrders(tx, ref, [event.data.order_id], eventId, after);
    case 'RECIPIENT_ADDRESS_UPDATE':
    case 'CANCELLATION_STATUS_CHANGE':
    case 'RETURN_STATUS_CHANGE':
      return requestOrders(tx, ref, [event.data.order_id], eventId, after);
    case 'PACKAGE_UPDATE':
      return requestOrders(tx, ref, event.data.package_list.flatMap((p) => p.order_id_list), eventId, after);
    case 'PRODUCT_STATUS_CHANGE':
    case 'PRODUCT_INFORMATION_CHANGE':
    case 'PRODUCT_CREATION':
    case 'INVENTORY_STATUS_CHANGE':
      await requestProductSync(tx, ref, event.data.update_time, eventId);
      after.push(() => scheduleProductSync(ref));
      return 'products_requested';
    case 'UNKNOWN':
      await settle('ignored', 'topic not handled');
      return 'ignored';
  }
}

async function requestOrders(
  tx: Tx,
  ref: { shopId: string; accountId: string },
  orderIds: string[],
  eventId: string,
  after: (() => Promise<unknown>)[],
): Promise<ProcessOutcome> {
  if (orderIds.length === 0) {
    await settleWebhookEvents(tx, [eventId], { status: 'ignored', error: 'the event names no order' });
    return 'ignored';
  }
  await requestOrderSync(tx, ref, orderIds, eventId);
  // After commit, so the sync job can never run before the request rows are visible.
  after.push(() => scheduleOrderSync(ref));
  return 'orders_requested';
}

type OrderStatusData = Extract<TikTokWebhookEvent, { topic: 'ORDER_STATUS_CHANGE' }>['data'];

/**
 * A status event no newer than what we hold needs no detail call (the update_time rule of ingestion;
 * the webhook route's fast path asks the same in SQL, holdsNothingNewerSql).
 */
async function alreadyHave(tx: Tx, shop: ShopRow, data: OrderStatusData): Promise<boolean> {
  const o = tables.orders;
  const [order] = await tx
    .select({ orderStatus: o.orderStatus, tiktokUpdateTime: o.tiktokUpdateTime })
    .from(o)
    .where(and(eq(o.accountId, shop.accountId), eq(o.shopId, shop.id), eq(o.tiktokOrderId, data.order_id)));
  if (!order) return false;
  const change = decideOrderChange(order, { orderStatus: data.order_status, updateTime: data.update_time });
  return change === 'stale' || change === 'unchanged';
}
