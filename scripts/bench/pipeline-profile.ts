/**
 * `bench:pipeline --profile`: where the time of a run went, printed as two tables.
 * - Per queue: jobs, mean wait before a worker took them, mean run time, retries (pg-boss keeps
 *   created / started / completed times).
 * - Per statement (pg_stat_statements, which --profile loads with track_planning): calls, plans,
 *   execution and planning time and buffer pages touched per order, the 40 costliest to execute.
 *   A prepared statement planned on most calls is one Postgres gives a custom plan each time, or
 *   one whose plan autovacuum's ANALYZE keeps invalidating. BENCH_PROFILE_ORDER=calls lists the 80
 *   most frequent instead, =blocks those touching most pages, =plans those costliest to plan;
 *   BENCH_PROFILE_WIDTH=N shows N characters of each statement (110 by default).
 *
 * App modules are imported when called: the benchmark sets the environment lib/env reads first.
 */
export async function printProfile(orders: number): Promise<void> {
  const { sql } = await import('drizzle-orm');
  const { asSystem } = await import('@/lib/db');

  const queues = await asSystem((tx) => tx.execute<{ queue: string; jobs: number; wait_ms: number; run_ms: number; retries: number }>(sql`
    select name as queue, count(*)::int as jobs,
      round(avg(extract(epoch from started_on - created_on) * 1000))::int as wait_ms,
      round(avg(extract(epoch from completed_on - started_on) * 1000))::int as run_ms,
      sum(retry_count)::int as retries
    from pgboss.job where started_on is not null group by name order by jobs desc`));
  console.table(queues.rows);

  const by = process.env.BENCH_PROFILE_ORDER ?? '';
  const order = { calls: sql`calls`, blocks: sql`shared_blks_hit + shared_blks_read`, plans: sql`total_plan_time` }[by] ?? sql`total_exec_time`;
  const width = Number(process.env.BENCH_PROFILE_WIDTH ?? 110);
  const [total] = (await asSystem((tx) => tx.execute<{ calls: number; ms: number; plans: number; plan_ms: number }>(sql`
    select round(sum(calls)::numeric / ${orders}, 1)::float as calls, round((sum(total_exec_time) / ${orders})::numeric, 2)::float as ms,
      round(sum(plans)::numeric / ${orders}, 1)::float as plans, round((sum(total_plan_time) / ${orders})::numeric, 2)::float as plan_ms
    from pg_stat_statements`))).rows;
  console.log(`statements per order: ${total?.calls} (planned: ${total?.plans}), Postgres time per order: ${total?.ms} ms executing, ${total?.plan_ms} ms planning`);
  const statements = await asSystem((tx) => tx.execute<{ calls_per_order: number; plans_per_order: number; ms_per_order: number; plan_ms_per_order: number; blocks_per_order: number; query: string }>(sql`
    select round(calls::numeric / ${orders}, 2)::float as calls_per_order, round(plans::numeric / ${orders}, 2)::float as plans_per_order,
      round((total_exec_time / ${orders})::numeric, 3)::float as ms_per_order, round((total_plan_time / ${orders})::numeric, 3)::float as plan_ms_per_order,
      round((shared_blks_hit + shared_blks_read)::numeric / ${orders}, 1)::float as blocks_per_order,
      left(regexp_replace(query, '\\s+', ' ', 'g'), ${width}) as query
    from pg_stat_statements order by ${order} desc limit ${by === 'calls' ? 80 : 40}`));
  console.table(statements.rows);
}
