-- Fulfillment pipeline (issue 4): order velocity for priority classification, the purchase
-- attempt's full quote (so an unknown outcome can always be looked up), and the indexes the
-- workflow, the backorder retry and the reconciler read by.

-- Orders per product per minute. Written once per order when it is validated (the validate
-- transition is a conditional update, so it runs once); read as "last 15 minutes" against "the
-- 24 hours before" to tell a viral spike from a steady seller. Minute buckets keep that read at
-- most ~1,455 rows however many orders a spike brings.
create table public.order_velocity_buckets (
  account_id uuid not null references public.accounts (id) on delete cascade,
  tiktok_product_id text not null,
  bucket_start timestamptz not null,
  orders integer not null default 0 check (orders >= 0),
  primary key (account_id, tiktok_product_id, bucket_start)
);
alter table public.order_velocity_buckets enable row level security;
create policy order_velocity_buckets_select on public.order_velocity_buckets for select to authenticated
  using (account_id = any ((select private.user_account_ids())::uuid[]));
grant select on public.order_velocity_buckets to authenticated;

-- The quote an attempt bought (rate id, carrier shipment id, quoted_at, provider, service level):
-- lookupPurchase needs exactly that, even if the shipment is re-quoted later.
alter table public.label_purchase_attempts add column quote jsonb;

-- At most one unresolved attempt per shipment: a second purchase cannot start while the outcome
-- of the first is unknown.
create unique index label_purchase_attempts_one_open_idx on public.label_purchase_attempts (shipment_id)
  where state in ('purchasing', 'unknown_outcome');

-- Backordered orders are retried oldest first when stock comes back.
create index orders_backordered_idx on public.orders (account_id, created_at) where backordered;

-- The reconciler looks for orders that stopped moving and shipments stuck mid-purchase.
create index orders_in_flight_updated_idx on public.orders (updated_at)
  where workflow_status in ('new', 'validated', 'inventory_reserved', 'ready_to_ship');
create index shipments_open_purchase_idx on public.shipments (updated_at)
  where status in ('pending', 'quoted', 'purchasing', 'unknown_outcome');

