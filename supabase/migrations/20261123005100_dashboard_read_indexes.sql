-- Indexes for the dashboard's read side (GET /api/orders, inventory velocity, analytics). Every one
-- is led by account_id, because every dashboard query filters by the current account first.

-- "Placed" is TikTok's create time, or our ingest time when TikTok did not send one. The orders list
-- sorts and filters by it (sort_by=order_date, date_from/date_to), and velocity and analytics scan
-- windows of it.
create index orders_account_id_order_date_idx
  on public.orders (account_id, (coalesce(tiktok_created_at, created_at)) desc);
create index orders_account_id_updated_at_idx on public.orders (account_id, updated_at desc);
create index orders_account_id_total_cents_idx on public.orders (account_id, total_cents desc);

-- "Videos that drove sales": only orders attributed to a video.
create index orders_account_id_viral_content_idx
  on public.orders (account_id, viral_content_id) where viral_content_id is not null;

-- Open alerts per entity (the inventory page joins alerts on the SKU they are about).
create index alerts_account_id_entity_open_idx
  on public.alerts (account_id, entity_type, entity_id) where resolved_at is null;

-- The admin webhook log reads across tenants, newest first.
create index webhook_events_received_at_all_idx on public.webhook_events (received_at desc);

-- Label spend and the shipping page read purchased labels by purchase time.
create index shipments_account_id_purchased_at_idx
  on public.shipments (account_id, purchased_at desc) where purchased_at is not null;
