import 'server-only';
import { and, eq } from 'drizzle-orm';
import { tables, type Tx } from '@/lib/db';
import { classifyPriority, type PriorityResult } from './classify';
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
  return classifyWithCounts(tx, {
    accountId: input.accountId, productIds: items.map((item) => item.productId), totalCents: order.totalCents,
    dispatchDeadline: order.dispatchDeadline, at: orderMoment(order), now: input.now ?? new Date(),
  });
}

export async function classifyWithCounts(
  tx: Tx,
  input: { accountId: string; productIds: readonly string[]; totalCents: number; dispatchDeadline: Date | null; at: Date; now: Date },
): Promise<PriorityResult> {
  const velocity = await readProductVelocity(tx, { accountId: input.accountId, productIds: input.productIds, at: input.at });
  return classifyPriority({
    products: velocity.map((product) => ({ ...product, recent: product.recent + 1 })),
    totalCents: input.totalCents,
    dispatchDeadline: input.dispatchDeadline,
    now: input.now,
  });
}
