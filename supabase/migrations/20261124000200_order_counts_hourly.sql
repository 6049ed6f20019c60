-- Orders stored per account per hour, kept by the database as orders are inserted, so that the
-- plan-usage read (how many orders this billing period: asked before every automatic label batch
-- and by the billing page) sums at most ~744 hourly rows plus the orders of the period's two
-- partial edge hours, instead of counting every order of the period. A creator with 100,000
-- orders a month had every label batch walk 100,000 index entries; a 10,000-order burst measured
-- that count at 121 blocks read per order, growing with every order.
--
-- One statement-level trigger adds each INSERT's new orders to their hours (UTC), whoever
-- inserts them (ingestion, the seed, tests), in the inserting transaction: the count can never
-- disagree with public.orders. An hour is split over up to 8 shards, one picked at random per
-- statement, so concurrent ingestion transactions of one account do not all queue on the current
-- hour's row until they commit; readers sum the shards. Orders are never deleted one by one (an
-- account's go with it, and so do its counts), so nothing is subtracted.
create table public.order_counts_hourly (
  account_id uuid not null references public.accounts (id) on delete cascade,
  hour timestamptz not null,
  shard smallint not null check (shard between 0 and 7),
  orders integer not null check (orders >= 0),
  primary key (account_id, hour, shard)
);
alter table public.order_counts_hourly enable row level security;
create policy order_counts_hourly_select on public.order_counts_hourly for select to authenticated
  using (account_id = any ((select private.user_account_ids())::uuid[]));
grant select on public.order_counts_hourly to authenticated;

create function private.count_new_orders() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  picked_shard smallint := floor(random() * 8)::smallint;
begin
  -- Rows in key order, so two statements that share hours lock them alike.
  insert into public.order_counts_hourly as c (account_id, hour, shard, orders)
  select n.account_id, date_trunc('hour', n.created_at, 'UTC'), picked_shard, count(*)
  from new_orders n
  group by 1, 2
  order by 1, 2
  on conflict (account_id, hour, shard) do update set orders = c.orders + excluded.orders;
  return null;
end
$$;
revoke all on function private.count_new_orders() from public;

create trigger orders_count_hourly after insert on public.orders
  referencing new table as new_orders
  for each statement execute function private.count_new_orders();

insert into public.order_counts_hourly (account_id, hour, shard, orders)
select account_id, date_trunc('hour', created_at, 'UTC'), 0, count(*)
from public.orders
group by 1, 2;
