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
-- The options live in private.keep_vacuumed(table), which sets them where they differ (the ALTER
-- takes a lock a running vacuum holds): called here for our tables, and for pg-boss's job tables
-- when the queue starts (lib/queue/runtime.ts), since pg-boss creates those itself. It runs as its
-- caller, who must own the table. How often autovacuum looks is a server setting
-- (autovacuum_naptime): the embedded Postgres of dev, tests and benchmarks checks every 5 s.
create function private.keep_vacuumed(target regclass) returns boolean
language plpgsql as $$
declare
  options constant text[] := array[
    'autovacuum_vacuum_scale_factor=0.01', 'autovacuum_vacuum_threshold=1000',
    'autovacuum_vacuum_insert_scale_factor=0.05', 'autovacuum_vacuum_insert_threshold=5000',
    'autovacuum_analyze_scale_factor=0.02', 'autovacuum_vacuum_cost_delay=0'];
begin
  if (select coalesce(c.reloptions @> options, false) from pg_class c where c.oid = target) then
    return false;
  end if;
  execute format('alter table %s set (%s)', target, array_to_string(options, ', '));
  return true;
end
$$;
revoke all on function private.keep_vacuumed(regclass) from public;

select private.keep_vacuumed(hot_table::regclass)
from unnest(array[
  'public.orders', 'public.shipments', 'public.label_purchase_attempts', 'public.webhook_events',
  'public.tiktok_order_sync_requests', 'public.inventory_movements'
]) as hot_table;
