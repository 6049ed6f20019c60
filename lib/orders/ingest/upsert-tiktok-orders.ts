import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { tables, type Tx } from '@/lib/db';
import type { ProcessingQueue } from '@/lib/db/schema/orders';
import { enqueueMany, QUEUE_PRIORITY } from '@/lib/queue';
import type { TikTokOrder } from '@/lib/tiktok';
import { decideOrderChange } from './decide-order-change';
import { mapTikTokOrder, type OrderSnapshot } from './map-tiktok-order';
import { insertOrderItems, orderInsertValues, orderUpdateSet, upsertOrderItems } from './write-order-rows';

export type IngestSource = 'webhook' | 'poll' | 'manual';

export interface IngestedOrderRef {
  orderId: string;
  tiktokOrderId: string;
  snapshot: OrderSnapshot;
}

export interface IngestResult {
  created: IngestedOrderRef[];
  updated: IngestedOrderRef[];
  /** Same update_time and no forward move: nothing new. */
  unchanged: string[];
  /** Older than what we hold: ignored so the order never moves backwards. */
  stale: string[];
}

type Stored = { id: string; orderStatus: OrderSnapshot['orderStatus']; tiktokUpdateTime: number; processingQueue: ProcessingQueue };

/**
 * Upserts TikTok orders of one shop, inside the caller's transaction, idempotently: re-ingesting the
 * same snapshot changes nothing. New orders and changed ones (status, address, cancellation) get a
 * history row when the TikTok status moved and an `orders.advance-order` job in the SAME transaction,
 * at the priority of the order's processing queue, so the workflow sees every change exactly when it
 * commits. Stored rows are locked in id order first, so concurrent ingestions of one order serialise.
 */
export async function upsertTikTokOrders(
  tx: Tx,
  input: { accountId: string; shopId: string; orders: readonly TikTokOrder[]; source: IngestSource },
): Promise<IngestResult> {
  const result: IngestResult = { created: [], updated: [], unchanged: [], stale: [] };
  if (input.orders.length === 0) return result;
  const { accountId, shopId } = input;
  const snapshots = dedupeById(input.orders.map(mapTikTokOrder));
  const ids = snapshots.map((s) => s.tiktokOrderId);
  const skuIds = await linkSkus(tx, accountId, shopId, snapshots);
  const stored = new Map((await lockOrders(tx, accountId, shopId, ids)).map((row) => [row.tiktokOrderId, row]));
  const advance: { data: { accountId: string; orderId: string; reason: string }; priority: number }[] = [];

  for (const snapshot of snapshots) {
    let current: Stored | undefined = stored.get(snapshot.tiktokOrderId);
    if (!current) {
      const [inserted] = await tx
        .insert(tables.orders)
        .values({ accountId, shopId, tiktokOrderId: snapshot.tiktokOrderId, ...orderInsertValues(snapshot) })
        .onConflictDoNothing({ target: [tables.orders.shopId, tables.orders.tiktokOrderId] })
        .returning({ id: tables.orders.id, processingQueue: tables.orders.processingQueue });
      if (inserted) {
        await insertOrderItems(tx, accountId, inserted.id, snapshot.items, skuIds);
        await recordStatus(tx, accountId, inserted.id, null, snapshot, input.source);
        advance.push(job(accountId, inserted.id, 'created', inserted.processingQueue));
        result.created.push({ orderId: inserted.id, tiktokOrderId: snapshot.tiktokOrderId, snapshot });
        continue;
      }
      // Another transaction inserted it after our lock pass; its commit is visible now.
      current = (await lockOrders(tx, accountId, shopId, [snapshot.tiktokOrderId]))[0];
      if (!current) throw new Error(`order ${snapshot.tiktokOrderId} vanished during ingestion`);
    }

    const change = decideOrderChange(current, snapshot);
    if (change === 'stale' || change === 'unchanged') {
      result[change].push(snapshot.tiktokOrderId);
      continue;
    }
    await tx.update(tables.orders).set(orderUpdateSet(snapshot)).where(eq(tables.orders.id, current.id));
    await upsertOrderItems(tx, accountId, current.id, snapshot.items, skuIds);
    const statusMoved = current.orderStatus !== snapshot.orderStatus;
    if (statusMoved) await recordStatus(tx, accountId, current.id, current.orderStatus, snapshot, input.source);
    const reason = statusMoved ? `tiktok_status:${snapshot.orderStatus}` : 'tiktok_updated';
    advance.push(job(accountId, current.id, reason, current.processingQueue));
    result.updated.push({ orderId: current.id, tiktokOrderId: snapshot.tiktokOrderId, snapshot });
  }

  await enqueueMany('orders.advance-order', advance, { tx });
  return result;
}

function job(accountId: string, orderId: string, reason: string, queue: ProcessingQueue) {
  return { data: { accountId, orderId, reason }, priority: QUEUE_PRIORITY[queue] };
}

/** A page may list an order twice (it changed while we paged); keep the newest snapshot, in id order. */
function dedupeById(snapshots: OrderSnapshot[]): OrderSnapshot[] {
  const byId = new Map<string, OrderSnapshot>();
  for (const snapshot of snapshots) {
    const seen = byId.get(snapshot.tiktokOrderId);
    if (!seen || decideOrderChange({ orderStatus: seen.orderStatus, tiktokUpdateTime: seen.updateTime }, snapshot) === 'update') {
      byId.set(snapshot.tiktokOrderId, snapshot);
    }
  }
  return [...byId.values()].sort((a, b) => (a.tiktokOrderId < b.tiktokOrderId ? -1 : 1));
}

function lockOrders(tx: Tx, accountId: string, shopId: string, tiktokOrderIds: string[]) {
  return tx
    .select({
      id: tables.orders.id,
      tiktokOrderId: tables.orders.tiktokOrderId,
      orderStatus: tables.orders.orderStatus,
      tiktokUpdateTime: tables.orders.tiktokUpdateTime,
      processingQueue: tables.orders.processingQueue,
    })
    .from(tables.orders)
    .where(
      and(
        eq(tables.orders.accountId, accountId),
        eq(tables.orders.shopId, shopId),
        inArray(tables.orders.tiktokOrderId, tiktokOrderIds),
      ),
    )
    .orderBy(asc(tables.orders.tiktokOrderId))
    .for('update');
}

/** TikTok SKU id → our skus.id, for the SKUs this batch mentions (unknown SKUs stay unlinked). */
async function linkSkus(tx: Tx, accountId: string, shopId: string, snapshots: OrderSnapshot[]) {
  const wanted = [...new Set(snapshots.flatMap((s) => s.items.map((item) => item.tiktokSkuId)))];
  const rows = await tx
    .select({ id: tables.skus.id, tiktokSkuId: tables.skus.tiktokSkuId })
    .from(tables.skus)
    .where(and(eq(tables.skus.accountId, accountId), eq(tables.skus.shopId, shopId), inArray(tables.skus.tiktokSkuId, wanted)));
  return new Map(rows.map((row) => [row.tiktokSkuId, row.id]));
}

async function recordStatus(
  tx: Tx,
  accountId: string,
  orderId: string,
  from: OrderSnapshot['orderStatus'] | null,
  snapshot: OrderSnapshot,
  source: IngestSource,
) {
  await tx.insert(tables.orderStatusHistory).values({
    accountId,
    orderId,
    fromOrderStatus: from,
    toOrderStatus: snapshot.orderStatus,
    source: 'tiktok_shop',
    reason: from === null ? 'Order received from TikTok Shop' : `TikTok Shop status ${from} → ${snapshot.orderStatus}`,
    metadata: { update_time: snapshot.updateTime, via: source },
  });
}
