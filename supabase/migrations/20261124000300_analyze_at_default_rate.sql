-- Analyze the hot tables at Postgres's default rate (10 % of a table changed), not at 2 % as
-- migration 20261124000100 first set. An ANALYZE samples 30,000 rows and sorts every column of
-- them, and new statistics make every connection re-plan its prepared statements on that table.
-- In a spike the orders and job tables change by 2 % every few seconds, so at 2 % autovacuum was
-- analyzing them at every look (every 5 s in the embedded server) for plans that did not change:
-- the pipeline benchmark measured ~0.5 ms less Postgres CPU per order at 10 %. Vacuuming keeps its
-- early, unthrottled options; only the analyze rate changes.
-- private.keep_vacuumed(table) is the one list of these options: it sets them where they differ
-- (the ALTER takes a lock a running vacuum holds). It is called here for every table still at 2 %,
-- and by the queue runtime for pg-boss's job tables when it starts (lib/queue/runtime.ts), since
-- pg-boss creates those itself. It runs as its caller, who must own the table. `or replace`: a
-- database that applied an interim edit of migration 20261124000100 already has the function.
create or replace function private.keep_vacuumed(target regclass) returns boolean
language plpgsql as $$
declare
  options constant text[] := array[
    'autovacuum_vacuum_scale_factor=0.01', 'autovacuum_vacuum_threshold=1000',
    'autovacuum_vacuum_insert_scale_factor=0.05', 'autovacuum_vacuum_insert_threshold=5000',
    'autovacuum_analyze_scale_factor=0.1', 'autovacuum_vacuum_cost_delay=0'];
begin
  if (select coalesce(c.reloptions @> options, false) from pg_class c where c.oid = target) then
    return false;
  end if;
  execute format('alter table %s set (%s)', target, array_to_string(options, ', '));
  return true;
end
$$;
revoke all on function private.keep_vacuumed(regclass) from public;

select private.keep_vacuumed(c.oid::regclass)
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('r', 'p') and n.nspname in ('public', 'pgboss')
  and c.reloptions @> array['autovacuum_analyze_scale_factor=0.02'];
