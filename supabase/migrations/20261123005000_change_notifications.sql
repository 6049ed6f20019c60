-- Live updates: every committed change to orders, shipments, inventory_levels and alerts sends a
-- tiny NOTIFY on channel `creatorflow_changes`, which GET /api/stream fans out to the dashboards of
-- the owning account. Payload: {"account_id": uuid, "table": text, "id": uuid | null, "count": int}.
--
-- Statement-level triggers with transition tables, so a statement that touches thousands of rows
-- (a bulk status change, a sync batch) sends ONE notification per account, with id = null and the
-- row count, instead of thousands. A single-row statement names its row. Postgres delivers
-- notifications only on commit (rolled-back work sends nothing) and folds identical payloads
-- within a transaction. Payloads stay around 130 bytes, far below the 8000-byte NOTIFY limit.

create function private.notify_changes() returns trigger
language plpgsql as $$
declare
  change record;
begin
  -- Each trigger below declares only the transition table its event has; PL/pgSQL plans a
  -- statement on first execution, so the branch that names the other table is never planned.
  if tg_op = 'DELETE' then
    for change in select account_id, count(*)::int as n, min(id::text) as one_id from old_rows group by account_id loop
      perform pg_notify('creatorflow_changes', json_build_object(
        'account_id', change.account_id, 'table', tg_table_name,
        'id', case when change.n = 1 then change.one_id end, 'count', change.n)::text);
    end loop;
  else
    for change in select account_id, count(*)::int as n, min(id::text) as one_id from new_rows group by account_id loop
      perform pg_notify('creatorflow_changes', json_build_object(
        'account_id', change.account_id, 'table', tg_table_name,
        'id', case when change.n = 1 then change.one_id end, 'count', change.n)::text);
    end loop;
  end if;
  return null;
end
$$;

revoke all on function private.notify_changes() from public;

do $$
declare
  t text;
begin
  foreach t in array array['orders', 'shipments', 'inventory_levels', 'alerts']
  loop
    execute format('create trigger %I after insert on public.%I referencing new table as new_rows
      for each statement execute function private.notify_changes()', t || '_notify_insert', t);
    execute format('create trigger %I after update on public.%I referencing new table as new_rows
      for each statement execute function private.notify_changes()', t || '_notify_update', t);
    execute format('create trigger %I after delete on public.%I referencing old table as old_rows
      for each statement execute function private.notify_changes()', t || '_notify_delete', t);
  end loop;
end
$$;
