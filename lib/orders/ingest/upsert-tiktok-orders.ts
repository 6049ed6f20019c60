import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { insertJsonRows, tables, type Tx } from '@/lib/db';
import type { ProcessingQueue } from '@/lib/db/schema/orders';
import { enqueueMany, QUEUE_PRIORITY } from '@/lib/queue';
import type { TikTokOrder } from '@/lib/tiktok';
import { tiktokChangeMayMove } from '../workflow/decide-next-step';
import { decideOrderChange } from './decide-order-change';
import { mapTikTokOrder, type OrderSnapshot } from './map-tiktok-order';
import { insertOrderItems, orderInsertValues, updateOrdersFromSnapshots, upsertOrderItems, type OrderLines } from './write-order-rows';

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

/**
 * Upserts TikTok orders of one shop, inside the caller's transaction, idempotently: re-ingesting the
 * same snapshot changes nothing. New orders and changed ones (status, address, cancellation) get a
 * history row when the TikTok status moved and an `orders.advance-order` job in the SAME transaction,
 * at the priority of the order's processing queue, so the workflow sees every change exactly when it
 * commits (unless no TikTok status could move the order from where it is: a shipped one that is not
 * delivered, a finished one; see tiktokChangeMayMove). Stored rows are locked in id order first, so
 * concurrent ingestions of one order serialise.
 * Set-based whatever the page size: one insert each for new orders, their lines and their history
 * rows, one update for the changed orders and one upsert of their lines.
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

  // New orders: one insert for all of them, then their lines and history rows one statement each.
  // A row another transaction inserted after our lock pass comes back as a conflict; its commit is
  // visible now, so it is locked and treated as stored below.
  const fresh = snapshots.filter((snapshot) => !stored.has(snapshot.tiktokOrderId));
  const inserted = fresh.length === 0 ? [] : (await tx.execute<{ id: string; tiktok_order_id: string; processing_queue: ProcessingQueue }>(sql`
    ${insertJsonRows(tables.orders, fresh.map((snapshot) => ({ accountId, shopId, tiktokOrderId: snapshot.tiktokOrderId, ...orderInsertValues(snapshot) })))}
    on conflict (shop_id, tiktok_order_id) do nothing
    returning id, tiktok_order_id, processing_queue`)).rows;
  const created = new Map(inserted.map((row) => [row.tiktok_order_id, { id: row.id, processingQueue: row.processing_queue }]));
  const raced = fresh.filter((snapshot) => !created.has(snapshot.tiktokOrderId)).map((snapshot) => snapshot.tiktokOrderId);
  if (raced.length > 0) for (const row of await lockOrders(tx, accountId, shopId, raced)) stored.set(row.tiktokOrderId, row);

  const lines: OrderLines[] = [];
  const changed: { orderId: string; snapshot: OrderSnapshot }[] = [];
  const changedLines: OrderLines[] = [];
  const history: StatusRow[] = [];
  for (const snapshot of snapshots) {
    const row = created.get(snapshot.tiktokOrderId);
    if (row) {
      lines.push({ orderId: row.id, items: snapshot.items });
      history.push({ orderId: row.id, from: null, snapshot });
      advance.push(job(accountId, row.id, 'created', row.processingQueue));
      result.created.push({ orderId: row.id, tiktokOrderId: snapshot.tiktokOrderId, snapshot });
      continue;
    }
    const current = stored.get(snapshot.tiktokOrderId);
    if (!current) throw new Error(`order ${snapshot.tiktokOrderId} vanished during ingestion`);
    const change = decideOrderChange(current, snapshot);
    if (change === 'stale' || change === 'unchanged') {
      result[change].push(snapshot.tiktokOrderId);
      continue;
    }
    changed.push({ orderId: current.id, snapshot });
    changedLines.push({ orderId: current.id, items: snapshot.items });
    const statusMoved = current.orderStatus !== snapshot.orderStatus;
    if (statusMoved) history.push({ orderId: current.id, from: current.orderStatus, snapshot });
    const reason = statusMoved ? `tiktok_status:${snapshot.orderStatus}` : 'tiktok_updated';
    if (tiktokChangeMayMove(current.workflowStatus, snapshot.orderStatus)) advance.push(job(accountId, current.id, reason, current.processingQueue));
    result.updated.push({ orderId: current.id, tiktokOrderId: snapshot.tiktokOrderId, snapshot });
  }

  await updateOrdersFromSnapshots(tx, changed);
  await insertOrderItems(tx, accountId, lines, skuIds);
  await upsertOrderItems(tx, accountId, changedLines, skuIds);
  await recordStatuses(tx, accountId, history, input.source);
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
      workflowStatus: tables.orders.workflowStatus,
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

type StatusRow = { orderId: string; from: OrderSnapshot['orderStatus'] | null; snapshot: OrderSnapshot };

/** TikTok status history rows (source tiktok_shop) for the orders this ingestion created or moved. */
async function recordStatuses(tx: Tx, accountId: string, rows: readonly StatusRow[], source: IngestSource) {
  if (rows.length === 0) return;
  await tx.execute(insertJsonRows(tables.orderStatusHistory, rows.map(({ orderId, from, snapshot }) => ({
    accountId,
    orderId,
    fromOrderStatus: from,
    toOrderStatus: snapshot.orderStatus,
    source: 'tiktok_shop' as const,
    reason: from === null ? 'Order received from TikTok Shop' : `TikTok Shop status ${from} → ${snapshot.orderStatus}`,
    metadata: { update_time: snapshot.updateTime, via: source },
  }))));
}
