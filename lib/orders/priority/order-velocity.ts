import 'server-only';
import { sql } from 'drizzle-orm';
import type { Tx } from '@/lib/db';
import { PRIORITY_RULES, type ProductVelocity } from './classify';

/**
 * Orders per product in the recent and baseline windows ending at `at` (see classify.ts), not
 * counting the order being classified: callers add it. One indexed range read over minute buckets.
 */
export async function readProductVelocity(
  tx: Tx,
  input: { accountId: string; productIds: readonly string[]; at: Date },
): Promise<ProductVelocity[]> {
  const productIds = [...new Set(input.productIds)];
  if (productIds.length === 0) return [];
  const ids = sql.join(productIds.map((id) => sql`${id}`), sql`, `);
  const recentMinutes = PRIORITY_RULES.recentWindowMinutes - 1;
  const result = await tx.execute<{ tiktok_product_id: string; recent: number; baseline: number }>(sql`
    with bounds as (select date_trunc('minute', ${input.at.toISOString()}::timestamptz) as minute)
    select b.tiktok_product_id,
      coalesce(sum(b.orders) filter (where b.bucket_start >= bounds.minute - make_interval(mins => ${recentMinutes})), 0)::int as recent,
      coalesce(sum(b.orders) filter (where b.bucket_start < bounds.minute - make_interval(mins => ${recentMinutes})), 0)::int as baseline
    from public.order_velocity_buckets b, bounds
    where b.account_id = ${input.accountId} and b.tiktok_product_id in (${ids})
      and b.bucket_start >= bounds.minute - make_interval(mins => ${recentMinutes}) - make_interval(hours => ${PRIORITY_RULES.baselineWindowHours})
      and b.bucket_start <= bounds.minute
    group by b.tiktok_product_id`);
  const found = new Map(result.rows.map((row) => [row.tiktok_product_id, row]));
  return productIds.map((id) => ({ tiktokProductId: id, recent: found.get(id)?.recent ?? 0, baseline: found.get(id)?.baseline ?? 0 }));
}

/** Shards per minute bucket (migration 20261123006000); readers sum them. */
export const VELOCITY_BUCKET_SHARDS = 8;

/**
 * Counts each order once in each of its products' minute bucket, in a random one of the minute's
 * shards: one statement for a whole batch (the counts of a burst add up per bucket). Called by the
 * validate transition, which runs once per order; kept last in that transaction (locksSharedRows)
 * because a viral product's current bucket is a hot row whose lock is held until commit; the
 * shards spread that queue over 8 rows. Rows go in key order, so two batches lock alike.
 */
export async function recordOrderVelocity(tx: Tx, orders: readonly { accountId: string; productIds: readonly string[]; at: Date }[]): Promise<void> {
  const buckets = new Map<string, { accountId: string; productId: string; minute: string; orders: number }>();
  for (const order of orders) {
    const minute = new Date(Math.floor(order.at.getTime() / 60_000) * 60_000).toISOString();
    for (const productId of new Set(order.productIds)) {
      const key = `${order.accountId}\u0000${productId}\u0000${minute}`;
      const bucket = buckets.get(key) ?? { accountId: order.accountId, productId, minute, orders: 0 };
      bucket.orders += 1;
      buckets.set(key, bucket);
    }
  }
  if (buckets.size === 0) return;
  const shard = Math.floor(Math.random() * VELOCITY_BUCKET_SHARDS);
  const rows = [...buckets.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, bucket]) => bucket);
  await tx.execute(sql`
    insert into public.order_velocity_buckets (account_id, tiktok_product_id, bucket_start, shard, orders)
    select r.account_id, r.product_id, r.minute, ${shard}::smallint, r.orders
    from jsonb_to_recordset(${JSON.stringify(rows.map((row) => ({ account_id: row.accountId, product_id: row.productId, minute: row.minute, orders: row.orders })))}::jsonb)
      as r(account_id uuid, product_id text, minute timestamptz, orders int)
    on conflict (account_id, tiktok_product_id, bucket_start, shard) do update set orders = order_velocity_buckets.orders + excluded.orders`);
}
