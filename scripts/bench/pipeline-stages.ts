/**
 * `bench:pipeline --stages`: when the measured orders passed each stage of the pipeline, so a run
 * shows which stage the burst queued in. Per stage: the moment (seconds after the burst's first
 * webhook) by which half, 90 % and all of the orders had passed it, and the median time an order
 * spent getting there from the stage before. The database stages are the transaction start times of
 * their rows (orders.created_at, order_status_history.created_at), the others the benchmark's own
 * clock (first webhook received, TikTok accepting the tracking number).
 *
 * App modules are imported when called: the benchmark sets the environment lib/env reads first.
 */
export async function printStages(firstWebhook: ReadonlyMap<string, number>, pushedAt: ReadonlyMap<string, number>): Promise<void> {
  const { sql } = await import('drizzle-orm');
  const { anyOf, asSystem } = await import('@/lib/db');

  const ids = [...firstWebhook.keys()];
  const { rows } = await asSystem((tx) => tx.execute<{ tiktok_order_id: string; stored: number; validated: number | null; reserved: number | null; labelled: number | null }>(sql`
    select o.tiktok_order_id, extract(epoch from o.created_at) * 1000 as stored,
      extract(epoch from min(h.created_at) filter (where h.to_workflow_status = 'validated')) * 1000 as validated,
      extract(epoch from min(h.created_at) filter (where h.to_workflow_status = 'inventory_reserved')) * 1000 as reserved,
      extract(epoch from min(h.created_at) filter (where h.to_workflow_status = 'ready_to_ship')) * 1000 as labelled
    from public.orders o left join public.order_status_history h on h.order_id = o.id
    where ${anyOf(sql`o.tiktok_order_id`, ids, 'text')}
    group by o.id`));

  const stages = ['webhook', 'stored', 'validated', 'stock reserved', 'label bought', 'tracking pushed'] as const;
  const times = rows.map((row) => [firstWebhook.get(row.tiktok_order_id)!, row.stored, row.validated, row.reserved, row.labelled, pushedAt.get(row.tiktok_order_id) ?? null].map((value) => (value === null ? null : Number(value))));
  const start = Math.min(...times.map((order) => order[0]!));
  const seconds = (ms: number | undefined) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);
  const at = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];

  console.table(stages.map((stage, index) => {
    const reached = times.flatMap((order) => (order[index] == null ? [] : [order[index]! - start])).sort((a, b) => a - b);
    const lags = index === 0 ? [] : times.flatMap((order) => (order[index] == null || order[index - 1] == null ? [] : [order[index]! - order[index - 1]!])).sort((a, b) => a - b);
    return { stage, orders: reached.length, '50 % by': seconds(at(reached, 0.5)), '90 % by': seconds(at(reached, 0.9)), 'all by': seconds(reached.at(-1)), 'median step': index === 0 ? '' : seconds(at(lags, 0.5)) };
  }));
}
