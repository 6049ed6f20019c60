-- No planner statistics on jsonb documents. ANALYZE sorts a sample of 30,000 values of every
-- column, and comparing jsonb values is slow: in a 6,000-order burst, autovacuum's analyzes were
-- a tenth of Postgres's CPU, and comparing jsonb values (orders.recipient, webhook payloads, label
-- attempt outcomes, pg-boss's job data) was half of that. No query of ours filters with a jsonb
-- operator the planner would estimate from those statistics (`@>`, `?`, `=` on a whole document),
-- and `->>` expressions get none from a column's statistics anyway. So every jsonb column of our
-- tables, and of pg-boss's job tables (the queue runtime calls this for them when it starts),
-- is analyzed no more: statistics target 0. The other columns keep theirs.
create function private.skip_jsonb_statistics(target regclass) returns integer
language plpgsql as $$
declare
  column_name name;
  altered integer := 0;
begin
  for column_name in
    select a.attname from pg_attribute a
    where a.attrelid = target and a.attnum > 0 and not a.attisdropped
      and a.atttypid = 'jsonb'::regtype and a.attstattarget is distinct from 0
    order by a.attnum
  loop
    execute format('alter table %s alter column %I set statistics 0', target, column_name);
    altered := altered + 1;
  end loop;
  return altered;
end
$$;
revoke all on function private.skip_jsonb_statistics(regclass) from public;

select private.skip_jsonb_statistics(c.oid::regclass)
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where n.nspname = 'public' and c.relkind in ('r', 'p');
