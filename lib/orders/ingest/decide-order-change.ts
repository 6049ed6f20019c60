// The one rule that keeps an order from moving backwards: TikTok may deliver events late, twice or out
// of order, and detail fetches race each other, so a snapshot only applies when it is newer than ours.
import { sql, type SQL } from 'drizzle-orm';
import type { TikTokOrderStatus } from '@/lib/db/schema/orders';

/** Lifecycle position (spec §6.3); CANCELLED and COMPLETED are terminal. */
const STATUS_RANK: Readonly<Record<TikTokOrderStatus, number>> = {
  UNPAID: 0,
  ON_HOLD: 1,
  AWAITING_SHIPMENT: 2,
  PARTIALLY_SHIPPING: 3,
  AWAITING_COLLECTION: 4,
  IN_TRANSIT: 5,
  DELIVERED: 6,
  COMPLETED: 7,
  CANCELLED: 8,
};

export type OrderChange = 'create' | 'update' | 'stale' | 'unchanged';

/**
 * `update_time` decides: older → stale (ignored), newer → update. An EQUAL update_time is no change,
 * except a strictly forward status move: update_time has one-second resolution and TikTok moves an
 * order UNPAID → ON_HOLD → AWAITING_SHIPMENT within the same second, so "equal means nothing new"
 * would freeze the order at the state we happened to see first.
 */
export function decideOrderChange(
  stored: { orderStatus: TikTokOrderStatus; tiktokUpdateTime: number } | null,
  incoming: { orderStatus: TikTokOrderStatus; updateTime: number },
): OrderChange {
  if (!stored) return 'create';
  if (incoming.updateTime < stored.tiktokUpdateTime) return 'stale';
  if (incoming.updateTime > stored.tiktokUpdateTime) return 'update';
  return STATUS_RANK[incoming.orderStatus] > STATUS_RANK[stored.orderStatus] ? 'update' : 'unchanged';
}

/**
 * decideOrderChange's "nothing new" verdict ('stale' or 'unchanged') as a SQL condition over a
 * stored order's columns, for a statement that decides without first reading the order (the
 * webhook route's statements). Null when there is no stored order (as 'create'). The incoming
 * snapshot is SQL too (the statement's input columns), both statuses ranked by one table.
 * tests/integration/tiktok/stale-rule-sql.test.ts checks it agrees with decideOrderChange for every
 * pair of statuses and every order of update times.
 */
export function holdsNothingNewerSql(
  stored: { orderStatus: SQL; tiktokUpdateTime: SQL },
  incoming: { orderStatus: SQL; updateTime: SQL },
): SQL {
  const rank = (status: SQL) => sql`(${JSON.stringify(STATUS_RANK)}::jsonb ->> ${status})::int`;
  return sql`(${stored.tiktokUpdateTime} > ${incoming.updateTime}
    or (${stored.tiktokUpdateTime} = ${incoming.updateTime} and ${rank(incoming.orderStatus)} <= ${rank(stored.orderStatus)}))`;
}
