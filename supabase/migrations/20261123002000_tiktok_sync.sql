-- TikTok Shop sync bookkeeping: what the webhooks asked us to fetch, and what we last told TikTok.
-- Written only by the queue workers (system path); members may read their account's rows.

-- Orders a webhook said changed. The per-shop sync job drains them 50 at a time (the Get Order
-- Detail limit), so a burst of webhooks for many orders becomes few detail calls. event_ids are the
-- webhook_events rows waiting on this fetch; they are marked processed when the order lands.
create table public.tiktok_order_sync_requests (
  shop_id uuid not null references public.tiktok_shops (id) on delete cascade,
  tiktok_order_id text not null,
  account_id uuid not null references public.accounts (id) on delete cascade,
  event_ids uuid[] not null default '{}',
  requested_at timestamptz not null default now(),
  primary key (shop_id, tiktok_order_id)
);
create index tiktok_order_sync_requests_account_id_idx on public.tiktok_order_sync_requests (account_id);
create index tiktok_order_sync_requests_shop_requested_idx
  on public.tiktok_order_sync_requests (shop_id, requested_at);

-- One pending product sync per shop: search products updated since the oldest pending event.
create table public.tiktok_product_sync_requests (
  shop_id uuid primary key references public.tiktok_shops (id) on delete cascade,
  account_id uuid not null references public.accounts (id) on delete cascade,
  updated_since bigint not null,               -- unix seconds; the smallest update_time asked for
  event_ids uuid[] not null default '{}',
  requested_at timestamptz not null default now()
);
create index tiktok_product_sync_requests_account_id_idx on public.tiktok_product_sync_requests (account_id);

-- The quantities last accepted by TikTok per SKU ({warehouse_id: quantity}), so an inventory push
-- sends only what changed since.
create table public.tiktok_inventory_pushes (
  sku_id uuid primary key references public.skus (id) on delete cascade,
  account_id uuid not null references public.accounts (id) on delete cascade,
  shop_id uuid not null references public.tiktok_shops (id) on delete cascade,
  quantities jsonb not null default '{}'::jsonb,
  pushed_at timestamptz,
  last_error text,
  updated_at timestamptz not null default now()
);
create index tiktok_inventory_pushes_account_id_idx on public.tiktok_inventory_pushes (account_id);
create index tiktok_inventory_pushes_shop_id_idx on public.tiktok_inventory_pushes (shop_id);

-- Webhook health per shop (settings page): a shop's events, newest first.
create index webhook_events_provider_ref_received_idx
  on public.webhook_events (provider, external_ref, received_at desc);

do $$
declare
  t text;
begin
  foreach t in array array['tiktok_order_sync_requests', 'tiktok_product_sync_requests', 'tiktok_inventory_pushes']
  loop
    execute format('alter table public.%I enable row level security', t);
    execute format('create policy %I on public.%I for select to authenticated using (account_id = any ((select private.user_account_ids())::uuid[]))', t || '_select', t);
    execute format('grant select on public.%I to authenticated', t);
  end loop;
end
$$;
