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
 * Counts the order once in each of its products' minute bucket, in a random one of the minute's
 * shards. Called by the validate transition, which runs once per order; kept last in that
 * transaction (locksSharedRows) because a viral product's current bucket is a hot row whose lock
 * is held until commit; the shards spread that queue over 8 rows.
 */
export async function recordOrderVelocity(tx: Tx, input: { accountId: string; productIds: readonly string[]; at: Date }): Promise<void> {
  const productIds = [...new Set(input.productIds)].sort();
  if (productIds.length === 0) return;
  const rows = sql.join(
    productIds.map((id) => sql`(${input.accountId}::uuid, ${id}, date_trunc('minute', ${input.at.toISOString()}::timestamptz), ${Math.floor(Math.random() * VELOCITY_BUCKET_SHARDS)}::smallint, 1)`),
    sql`, `,
  );
  await tx.execute(sql`
    insert into public.order_velocity_buckets (account_id, tiktok_product_id, bucket_start, shard, orders) values ${rows}
    on conflict (account_id, tiktok_product_id, bucket_start, shard) do update set orders = order_velocity_buckets.orders + 1`);
}
