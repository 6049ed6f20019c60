-- Shipping an order takes its units off the shelf: on_hand and reserved both go down by what the
-- order holds, so available does not change. For a viral SKU every shipped order wrote the one
-- stock row, and held its lock from that statement until the client's COMMIT reached Postgres (a
-- round trip through a busy worker process), while every reservation queued behind it.
--
-- A 'ship' ledger line now carries the change, and this deferred constraint trigger applies it to
-- inventory_levels inside COMMIT: the row is locked only while the transaction commits. The line is
-- inserted with placeholder after-values that the trigger fills in before commit, so no other
-- transaction ever sees them. A level that does not hold the units fails the commit, and with it
-- the whole transaction (the workflow's move to shipped included).
create function private.apply_ship_movement() returns trigger
language plpgsql as $$
declare
  level record;
begin
  update public.inventory_levels
     set on_hand = on_hand + new.on_hand_delta, reserved = reserved + new.reserved_delta, updated_at = now()
   where account_id = new.account_id and sku_id = new.sku_id and warehouse_id = new.warehouse_id
     and reserved + new.reserved_delta >= 0
  returning on_hand, reserved into level;
  if not found then
    raise exception 'inventory_levels for SKU % in % does not hold % reserved units', new.sku_id, new.warehouse_id, -new.reserved_delta
      using errcode = 'check_violation';
  end if;
  update public.inventory_movements set on_hand_after = level.on_hand, reserved_after = level.reserved where id = new.id;
  return null;
end
$$;

revoke all on function private.apply_ship_movement() from public;

create constraint trigger inventory_movements_apply_ship
  after insert on public.inventory_movements
  deferrable initially deferred
  for each row when (new.kind = 'ship')
  execute function private.apply_ship_movement();
