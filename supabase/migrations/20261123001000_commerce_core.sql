-- The commerce core every domain builds on: connected TikTok shops, their catalogue, stock, orders,
-- shipments and the inbound webhook log. Tenant tables carry account_id, have RLS enabled here,
-- policies TO authenticated through private.user_account_ids(), and an index led by account_id.

create table public.tiktok_shops (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references public.accounts (id) on delete cascade,
  shop_id text not null unique,               -- TikTok's shop id (webhooks carry it)
  shop_cipher text not null,                  -- passed as shop_cipher on shop-scoped calls
  name text not null,
  region text,
  seller_type text,
  status text not null default 'connected' check (status in ('connected', 'disconnected', 'expired', 'error')),
  access_token_enc text,                      -- AES-256-GCM under APP_ENCRYPTION_KEY
  refresh_token_enc text,
  access_token_expires_at timestamptz,
  refresh_token_expires_at timestamptz,
  authorization_expires_at timestamptz,       -- from UPCOMING_AUTHORIZATION_EXPIRATION (type 7)
  open_id text,
  granted_scopes text[] not null default '{}',
  last_synced_at timestamptz,
  last_webhook_at timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index tiktok_shops_account_id_idx on public.tiktok_shops (account_id);

create table public.products (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references public.accounts (id) on delete cascade,
  shop_id uuid not null references public.tiktok_shops (id) on delete cascade,
  tiktok_product_id text not null,
  title text not null,
  status text not null default 'ACTIVATE',
  image_url text,
  tiktok_update_time bigint not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (shop_id, tiktok_product_id)
);
create index products_account_id_idx on public.products (account_id);

create table public.skus (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references public.accounts (id) on delete cascade,
  shop_id uuid not null references public.tiktok_shops (id) on delete cascade,
  product_id uuid not null references public.products (id) on delete cascade,
  tiktok_sku_id text not null,
  seller_sku text,
  name text,
  price_cents integer not null default 0 check (price_cents >= 0),
  currency text not null default 'USD',
  weight_grams integer not null default 250 check (weight_grams > 0),
  length_cm numeric(6, 1) not null default 20,
  width_cm numeric(6, 1) not null default 15,
  height_cm numeric(6, 1) not null default 5,
  warehouse_ids text[] not null default '{}', -- every warehouse TikTok assigns the SKU (inventory push lists all)
  low_stock_threshold integer not null default 10 check (low_stock_threshold >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (shop_id, tiktok_sku_id)
);
create index skus_account_id_idx on public.skus (account_id);
create index skus_product_id_idx on public.skus (product_id);

-- Stock per SKU and warehouse. available = on_hand - reserved, and the check makes it impossible
-- for any writer to take it below zero: reservations are conditional updates against this row.
create table public.inventory_levels (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references public.accounts (id) on delete cascade,
  sku_id uuid not null references public.skus (id) on delete cascade,
  warehouse_id text not null,
  on_hand integer not null default 0 check (on_hand >= 0),
  reserved integer not null default 0 check (reserved >= 0),
  available integer generated always as (on_hand - reserved) stored,
  updated_at timestamptz not null default now(),
  constraint inventory_levels_reserved_within_on_hand check (reserved <= on_hand),
  unique (sku_id, warehouse_id)
);
create index inventory_levels_account_id_idx on public.inventory_levels (account_id);

-- The ledger that explains every number in inventory_levels.
create table public.inventory_movements (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references public.accounts (id) on delete cascade,
  sku_id uuid not null references public.skus (id) on delete cascade,
  warehouse_id text not null,
  order_id uuid,
  kind text not null check (kind in ('reserve', 'release', 'ship', 'adjust', 'sync')),
  on_hand_delta integer not null default 0,
  reserved_delta integer not null default 0,
  on_hand_after integer not null,
  reserved_after integer not null,
  reason text,
  actor_id uuid,
  created_at timestamptz not null default now()
);
create index inventory_movements_account_id_sku_idx on public.inventory_movements (account_id, sku_id, created_at desc);
create index inventory_movements_order_id_idx on public.inventory_movements (order_id) where order_id is not null;

create table public.orders (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references public.accounts (id) on delete cascade,
  shop_id uuid not null references public.tiktok_shops (id) on delete cascade,
  tiktok_order_id text not null,
  order_status text not null check (order_status in ('UNPAID', 'ON_HOLD', 'AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING',
    'AWAITING_COLLECTION', 'IN_TRANSIT', 'DELIVERED', 'COMPLETED', 'CANCELLED')),
  workflow_status text not null default 'new' check (workflow_status in ('new', 'validated', 'inventory_reserved',
    'ready_to_ship', 'shipped', 'completed', 'failed', 'cancelled')),
  priority text not null default 'AUTO' check (priority in ('VIRAL', 'HIGH', 'MED', 'AUTO')),
  impact_score numeric(6, 2) not null default 0,
  estimated_velocity numeric(10, 2) not null default 0, -- orders per hour for the order's top product
  processing_queue text not null default 'standard' check (processing_queue in ('express', 'standard', 'bulk')),
  viral_content_id text,
  backordered boolean not null default false,
  on_hold_for_review boolean not null default false,
  hold_reason text,
  skip_auto_label boolean not null default false,
  service_level text not null default 'standard' check (service_level in ('economy', 'standard', 'express', 'overnight')),
  tags text[] not null default '{}',
  currency text not null default 'USD',
  subtotal_cents integer not null default 0,
  shipping_fee_cents integer not null default 0,
  tax_cents integer not null default 0,
  total_cents integer not null default 0,
  buyer_email text,
  buyer_message text,
  recipient jsonb,                            -- name, phone (masked by TikTok), address lines, city, state, postal code, country
  package_id text,                            -- TikTok package id (for Ship Package)
  delivery_option_id text,
  warehouse_id text,
  tiktok_created_at timestamptz,
  tiktok_update_time bigint not null default 0, -- TikTok update_time (unix s): status never moves back on a stale event
  paid_at timestamptz,
  dispatch_deadline timestamptz,              -- rts_sla_time
  tracking_number text,
  shipping_provider text,
  tracking_pushed_at timestamptz,
  cancelled_at timestamptz,
  shipped_at timestamptz,
  delivered_at timestamptz,
  completed_at timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (shop_id, tiktok_order_id)
);
create index orders_account_id_created_at_idx on public.orders (account_id, created_at desc);
create index orders_account_id_workflow_status_idx on public.orders (account_id, workflow_status);
create index orders_account_id_order_status_idx on public.orders (account_id, order_status);

-- TikTok sends one line item per unit; we keep one row per SKU with the quantity and the line ids.
create table public.order_items (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references public.accounts (id) on delete cascade,
  order_id uuid not null references public.orders (id) on delete cascade,
  sku_id uuid references public.skus (id) on delete set null,
  tiktok_sku_id text not null,
  tiktok_product_id text not null,
  seller_sku text,
  product_name text not null,
  sku_name text,
  quantity integer not null check (quantity > 0),
  unit_price_cents integer not null default 0,
  line_item_ids text[] not null default '{}',
  created_at timestamptz not null default now(),
  unique (order_id, tiktok_sku_id)
);
create index order_items_account_id_idx on public.order_items (account_id);
create index order_items_order_id_idx on public.order_items (order_id);
create index order_items_sku_id_idx on public.order_items (sku_id);

create table public.order_status_history (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references public.accounts (id) on delete cascade,
  order_id uuid not null references public.orders (id) on delete cascade,
  from_workflow_status text,
  to_workflow_status text,
  from_order_status text,
  to_order_status text,
  source text not null check (source in ('system', 'user', 'tiktok_shop', 'carrier')),
  actor_id uuid,
  reason text,
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
create index order_status_history_account_id_idx on public.order_status_history (account_id, created_at desc);
create index order_status_history_order_id_idx on public.order_status_history (order_id, created_at);

create table public.automation_rules (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references public.accounts (id) on delete cascade,
  name text not null,
  position integer not null default 0,
  enabled boolean not null default true,
  conditions jsonb not null default '[]'::jsonb,
  actions jsonb not null default '[]'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index automation_rules_account_id_idx on public.automation_rules (account_id, position);

-- One shipment per TikTok package. The label purchase state machine lives here and in
-- label_purchase_attempts: an attempt row is committed BEFORE the carrier is called.
create table public.shipments (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references public.accounts (id) on delete cascade,
  order_id uuid not null references public.orders (id) on delete cascade,
  package_ref text not null unique,           -- our reference, sent to the carrier as metadata
  carrier text not null check (carrier in ('shippo', 'easypost')),
  status text not null default 'pending' check (status in ('pending', 'quoted', 'purchasing', 'unknown_outcome',
    'purchased', 'failed', 'void_pending', 'voided')),
  service_level text not null default 'standard',
  carrier_shipment_id text,
  rate_id text,
  rate_amount_cents integer,
  currency text,
  provider text,
  servicelevel_token text,
  servicelevel_name text,
  estimated_days integer,
  quoted_at timestamptz,
  transaction_id text,
  tracking_number text,
  tracking_url text,
  label_url text,
  tracking_status text not null default 'unknown',
  tracking_status_rank integer not null default 0,
  last_tracking_at timestamptz,
  purchased_at timestamptz,
  voided_at timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index shipments_account_id_idx on public.shipments (account_id, created_at desc);
create index shipments_order_id_idx on public.shipments (order_id);
create index shipments_tracking_number_idx on public.shipments (tracking_number) where tracking_number is not null;

create table public.label_purchase_attempts (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references public.accounts (id) on delete cascade,
  shipment_id uuid not null references public.shipments (id) on delete cascade,
  rate_id text not null,
  state text not null check (state in ('purchasing', 'purchased', 'failed', 'unknown_outcome')),
  outcome jsonb,
  error text,
  started_at timestamptz not null default now(),
  finished_at timestamptz
);
create index label_purchase_attempts_account_id_idx on public.label_purchase_attempts (account_id);
create index label_purchase_attempts_shipment_id_idx on public.label_purchase_attempts (shipment_id, started_at);

-- The label file itself, kept durably (carrier label URLs are signed and expire).
create table public.label_documents (
  shipment_id uuid primary key references public.shipments (id) on delete cascade,
  account_id uuid not null references public.accounts (id) on delete cascade,
  content_type text not null,
  bytes bytea not null,
  created_at timestamptz not null default now()
);
create index label_documents_account_id_idx on public.label_documents (account_id);

create table public.tracking_events (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references public.accounts (id) on delete cascade,
  shipment_id uuid not null references public.shipments (id) on delete cascade,
  carrier text not null,
  tracking_number text not null,
  status text not null,                        -- normalised (label_created, in_transit, delivered, …)
  carrier_status text,
  substatus text,
  description text,
  location jsonb,
  occurred_at timestamptz not null,
  dedupe_key text not null,
  created_at timestamptz not null default now(),
  unique (shipment_id, dedupe_key)
);
create index tracking_events_account_id_idx on public.tracking_events (account_id, occurred_at desc);

create table public.alerts (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references public.accounts (id) on delete cascade,
  kind text not null check (kind in ('low_stock', 'out_of_stock', 'backorder', 'shop_authorization_expiring',
    'shop_disconnected', 'plan_limit', 'pipeline_error')),
  severity text not null default 'warning' check (severity in ('info', 'warning', 'critical')),
  title text not null,
  body text,
  entity_type text,
  entity_id text,
  dedupe_key text not null,
  created_at timestamptz not null default now(),
  resolved_at timestamptz
);
create unique index alerts_open_dedupe_idx on public.alerts (account_id, dedupe_key) where resolved_at is null;

-- Every inbound webhook, verified before it is stored. account_id is null until it is matched to
-- a tenant (e.g. an event for a shop nobody has connected): such rows are visible to ops only.
create table public.webhook_events (
  id uuid primary key default gen_random_uuid(),
  account_id uuid references public.accounts (id) on delete cascade,
  provider text not null check (provider in ('tiktok', 'shippo', 'easypost', 'stripe')),
  provider_event_id text not null,
  event_type text not null,
  external_ref text,                           -- e.g. TikTok shop_id or a tracking number
  payload jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'processed', 'failed', 'ignored')),
  attempts integer not null default 0,
  error text,
  received_at timestamptz not null default now(),
  processed_at timestamptz,
  processing_ms integer,
  unique (provider, provider_event_id)
);
create index webhook_events_account_id_idx on public.webhook_events (account_id, received_at desc);
create index webhook_events_received_at_idx on public.webhook_events (provider, received_at desc);

-- RLS: members read their account's rows; non-viewers change them. Integrations write through
-- the system path, so most tables need no insert policy for authenticated at all.
do $$
declare
  t text;
begin
  foreach t in array array['tiktok_shops', 'products', 'skus', 'inventory_levels', 'inventory_movements', 'orders',
    'order_items', 'order_status_history', 'automation_rules', 'shipments', 'label_purchase_attempts',
    'label_documents', 'tracking_events', 'alerts', 'webhook_events']
  loop
    execute format('alter table public.%I enable row level security', t);
    execute format('create policy %I on public.%I for select to authenticated using (account_id = any ((select private.user_account_ids())::uuid[]))', t || '_select', t);
    execute format('grant select on public.%I to authenticated', t);
  end loop;

  foreach t in array array['tiktok_shops', 'skus', 'inventory_levels', 'orders', 'automation_rules', 'alerts', 'shipments']
  loop
    execute format('create policy %I on public.%I for update to authenticated using (account_id = any ((select private.user_writable_account_ids())::uuid[])) with check (account_id = any ((select private.user_writable_account_ids())::uuid[]))', t || '_update', t);
    execute format('grant update on public.%I to authenticated', t);
  end loop;

  foreach t in array array['inventory_movements', 'order_status_history', 'automation_rules']
  loop
    execute format('create policy %I on public.%I for insert to authenticated with check (account_id = any ((select private.user_writable_account_ids())::uuid[]))', t || '_insert', t);
    execute format('grant insert on public.%I to authenticated', t);
  end loop;

  execute 'create policy automation_rules_delete on public.automation_rules for delete to authenticated using (account_id = any ((select private.user_admin_account_ids())::uuid[]))';
  execute 'grant delete on public.automation_rules to authenticated';
end
$$;
