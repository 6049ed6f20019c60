import 'server-only';
import { and, eq } from 'drizzle-orm';
import { tables, type Tx } from '@/lib/db';
import { classifyPriority, type PriorityResult, type ProductVelocity } from './classify';
import { readProductVelocity } from './order-velocity';

/** The moment an order counts at: when the buyer placed it, or when we first saw it. */
export function orderMoment(order: { tiktokCreatedAt: Date | null; createdAt: Date }): Date {
  return order.tiktokCreatedAt ?? order.createdAt;
}

/**
 * Classifies one order (VIRAL | HIGH | MED | AUTO, impact score, velocity, queue) from its
 * products' order velocity, its value and its dispatch deadline. Read-only: the workflow's
 * `validate` transition calls it and writes the result with the status change; anyone may call it
 * to preview. The order itself counts as one recent order of each of its products.
 */
export async function classifyOrderPriority(tx: Tx, input: { accountId: string; orderId: string; now?: Date }): Promise<PriorityResult | null> {
  const [order] = await tx
    .select({
      totalCents: tables.orders.totalCents, dispatchDeadline: tables.orders.dispatchDeadline,
      tiktokCreatedAt: tables.orders.tiktokCreatedAt, createdAt: tables.orders.createdAt,
    })
    .from(tables.orders)
    .where(and(eq(tables.orders.id, input.orderId), eq(tables.orders.accountId, input.accountId)));
  if (!order) return null;
  const items = await tx
    .select({ productId: tables.orderItems.tiktokProductId })
    .from(tables.orderItems)
    .where(and(eq(tables.orderItems.orderId, input.orderId), eq(tables.orderItems.accountId, input.accountId)));
  const [result] = await classifyOrders(tx, [{
    accountId: input.accountId, productIds: items.map((item) => item.productId), totalCents: order.totalCents,
    dispatchDeadline: order.dispatchDeadline, at: orderMoment(order), now: input.now ?? new Date(),
  }]);
  return result!;
}

export type ClassifyInput = { accountId: string; productIds: readonly string[]; totalCents: number; dispatchDeadline: Date | null; at: Date; now: Date };

const minuteOf = (at: Date) => Math.floor(at.getTime() / 60_000);

/**
 * Classifies a batch of orders as if they arrived one after another in this order: each counts
 * itself and the batch's earlier orders of the same product as recent orders, on top of the
 * counts stored before the batch. One velocity read per account and minute, not per order: a
 * burst of one viral product is one read for the whole batch.
 */
export async function classifyOrders(tx: Tx, inputs: readonly ClassifyInput[]): Promise<PriorityResult[]> {
  const groups = new Map<string, { accountId: string; at: Date; productIds: Set<string> }>();
  for (const input of inputs) {
    const key = `${input.accountId}:${minuteOf(input.at)}`;
    const group = groups.get(key) ?? { accountId: input.accountId, at: input.at, productIds: new Set<string>() };
    for (const id of input.productIds) group.productIds.add(id);
    groups.set(key, group);
  }
  const counts = new Map<string, ProductVelocity>();
  for (const [key, group] of groups) {
    const velocity = await readProductVelocity(tx, { accountId: group.accountId, productIds: [...group.productIds], at: group.at });
    for (const product of velocity) counts.set(`${key}:${product.tiktokProductId}`, product);
  }
  const seenInBatch = new Map<string, number>();
  return inputs.map((input) => {
    const key = `${input.accountId}:${minuteOf(input.at)}`;
    const products = [...new Set(input.productIds)].map((id) => {
      const stored = counts.get(`${key}:${id}`) ?? { tiktokProductId: id, recent: 0, baseline: 0 };
      const earlier = seenInBatch.get(`${input.accountId}:${id}`) ?? 0;
      seenInBatch.set(`${input.accountId}:${id}`, earlier + 1);
      return { ...stored, recent: stored.recent + earlier + 1 };
    });
    return classifyPriority({ products, totalCents: input.totalCents, dispatchDeadline: input.dispatchDeadline, now: input.now });
  });
}
