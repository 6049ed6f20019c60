-- Autovacuum for the tables an order spike rewrites. Every workflow step writes a new version of
-- the order's row (about six per order), and none of them can be a HOT update (workflow_status and
-- updated_at are indexed), so each leaves a dead tuple and a dead entry in every index. Shipments,
-- label purchase attempts and settled webhook events are rewritten the same way; sync requests are
-- a queue (inserted, then deleted). Until vacuum removes them, every index scan that reaches those
-- entries visits the heap to learn they are dead: a 10,000-order burst measured 179 blocks read per
-- order by pg-boss's fetch and 121 by the plan-usage count, against 73 and 47 with vacuum keeping up.
--
-- Postgres's defaults wait for dead tuples to reach 20 % of a table (50 + 0.2 × rows) and throttle
-- the vacuum (cost delay 2 ms), so on a table of 100,000 orders nothing is cleaned before 20,000
-- dead versions. Here a vacuum starts after 1,000 dead tuples plus 1 % of the table, runs
-- unthrottled (these tables are small next to their write rate), and analyze keeps up as well.
-- The same options go on pg-boss's job table when the queue starts (lib/queue/runtime.ts), since
-- pg-boss creates that table itself. How often autovacuum looks is a server setting
-- (autovacuum_naptime): the embedded Postgres of dev, tests and benchmarks checks every 5 s.
do $$
declare
  hot_table text;
begin
  foreach hot_table in array array[
    'orders', 'shipments', 'label_purchase_attempts', 'webhook_events',
    'tiktok_order_sync_requests', 'inventory_movements'
  ] loop
    execute format(
      'alter table public.%I set (autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 1000,
         autovacuum_vacuum_insert_scale_factor = 0.05, autovacuum_vacuum_insert_threshold = 5000,
         autovacuum_analyze_scale_factor = 0.02, autovacuum_vacuum_cost_delay = 0)',
      hot_table);
  end loop;
end
$$;
