-- A transaction's ship lines change inventory_levels once per level at COMMIT, not once per line.
--
-- Migration 20261123007000 applies each 'ship' ledger line by its own deferred trigger firing: two
-- statements per shipped order (the level, then the line's after-values), all on the one row of a
-- viral SKU. A batch of 25 shipped orders wrote 25 versions of that row inside its COMMIT, while
-- every reservation of the SKU waited for it; the pipeline benchmark measured that UPDATE as the
-- most expensive statement per order.
--
-- Now a statement trigger notes the ids of the ship lines each INSERT writes in a transaction-local
-- setting (it rolls back with a savepoint, and ends with the transaction). The first deferred firing
-- at COMMIT applies every noted line in one statement: it locks the levels in SKU then warehouse
-- order (the lock order of reservations), adds each level's total, and gives each line the level's
-- numbers after it (lines in the order they were written). The firings after it find nothing noted.
-- A level that does not hold the units still fails the commit, and with it the whole transaction.
create function private.note_ship_movements() returns trigger
language plpgsql as $$
declare
  ids text;
begin
  select string_agg(l.id::text, ',') into ids from written l where l.kind = 'ship';
  if ids is not null then
    perform set_config('creatorflow.unapplied_ship_lines',
      concat_ws(',', nullif(current_setting('creatorflow.unapplied_ship_lines', true), ''), ids), true);
  end if;
  return null;
end
$$;
revoke all on function private.note_ship_movements() from public;

create trigger inventory_movements_note_ship
  after insert on public.inventory_movements
  referencing new table as written
  for each statement execute function private.note_ship_movements();

create or replace function private.apply_ship_movement() returns trigger
language plpgsql as $$
declare
  noted uuid[] := string_to_array(nullif(current_setting('creatorflow.unapplied_ship_lines', true), ''), ',')::uuid[];
  short record;
begin
  if noted is null then
    return null;  -- an earlier firing of this COMMIT applied every line
  end if;
  perform set_config('creatorflow.unapplied_ship_lines', '', true);

  with lines as (
    select m.id, m.account_id, m.sku_id, m.warehouse_id, m.on_hand_delta, m.reserved_delta, n.position
    from unnest(noted) with ordinality as n(id, position)
      join public.inventory_movements m on m.id = n.id
  ),
  totals as (
    select account_id, sku_id, warehouse_id, sum(on_hand_delta)::int as on_hand_delta, sum(reserved_delta)::int as reserved_delta
    from lines group by account_id, sku_id, warehouse_id
  ),
  locked as (
    select l.id, t.account_id, t.sku_id, t.warehouse_id, t.on_hand_delta, t.reserved_delta
    from public.inventory_levels l
      join totals t on t.account_id = l.account_id and t.sku_id = l.sku_id and t.warehouse_id = l.warehouse_id
    order by l.sku_id, l.warehouse_id
    for update of l
  ),
  updated as (
    update public.inventory_levels l
       set on_hand = l.on_hand + k.on_hand_delta, reserved = l.reserved + k.reserved_delta, updated_at = now()
      from locked k
     where l.id = k.id and l.reserved + k.reserved_delta >= 0
    returning l.account_id, l.sku_id, l.warehouse_id,
      l.on_hand - k.on_hand_delta as on_hand_before, l.reserved - k.reserved_delta as reserved_before
  ),
  after_values as (
    update public.inventory_movements m
       set on_hand_after = v.on_hand_after, reserved_after = v.reserved_after
      from (
        select x.id,
          u.on_hand_before + sum(x.on_hand_delta) over running as on_hand_after,
          u.reserved_before + sum(x.reserved_delta) over running as reserved_after
        from lines x
          join updated u on u.account_id = x.account_id and u.sku_id = x.sku_id and u.warehouse_id = x.warehouse_id
        window running as (partition by x.sku_id, x.warehouse_id order by x.position)
      ) v
     where m.id = v.id
    returning m.id
  )
  -- Both updates above run to completion whatever this reads: the first level left short, if any.
  select t.sku_id, t.warehouse_id, -t.reserved_delta as units into short
  from totals t
  where not exists (select 1 from updated u where u.account_id = t.account_id and u.sku_id = t.sku_id and u.warehouse_id = t.warehouse_id)
  order by t.sku_id, t.warehouse_id
  limit 1;

  if found then
    raise exception 'inventory_levels for SKU % in % does not hold % reserved units', short.sku_id, short.warehouse_id, short.units
      using errcode = 'check_violation';
  end if;
  return null;
end
$$;
