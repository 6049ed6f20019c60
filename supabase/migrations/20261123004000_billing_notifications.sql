-- Billing and notifications (issue 5): each account's Stripe customer and the projection of its
-- subscription re-read from Stripe, the email outbox every sent (or suppressed) email lands in, and
-- per-account notification preferences. Processed Stripe events live in public.webhook_events
-- (provider 'stripe'), deduplicated there by unique (provider, provider_event_id).

-- One row per account that has (had) a Stripe customer. Written only by the system path (the
-- billing.sync-subscription job, and checkout when it creates the customer); members read it.
create table public.account_billing (
  account_id uuid primary key references public.accounts (id) on delete cascade,
  stripe_customer_id text not null unique check (stripe_customer_id like 'cus\_%'),
  stripe_subscription_id text,
  status text not null default 'none' check (status in ('none', 'incomplete', 'incomplete_expired', 'trialing',
    'active', 'past_due', 'canceled', 'unpaid', 'paused')),
  plan_id text check (plan_id in ('starter', 'growth', 'pro')),
  price_id text,
  current_period_start timestamptz,
  current_period_end timestamptz,
  cancel_at_period_end boolean not null default false,
  entitled boolean not null default false,         -- the plan applies now (see ENTITLED_STATUSES)
  synced_at timestamptz,                            -- when the projection was last read from Stripe
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Every email we decided to send. idempotency_key (e.g. order-shipped:<order id>) is unique, so a
-- job that runs twice finds its row and sends nothing more. 'suppressed' records an email the
-- account's preferences turned off; 'outbox' as provider means no Resend key was configured and
-- the row itself is the delivery (viewable in the app).
create table public.email_outbox (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references public.accounts (id) on delete cascade,
  template text not null,
  category text not null,
  to_addresses text[] not null check (cardinality(to_addresses) between 1 and 50),
  subject text not null,
  html text,
  text text,
  idempotency_key text not null unique,
  status text not null default 'queued' check (status in ('queued', 'sent', 'failed', 'suppressed')),
  provider text check (provider in ('resend', 'outbox')),
  provider_message_id text,
  error text,
  attempts integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  sent_at timestamptz
);
create index email_outbox_account_id_created_at_idx on public.email_outbox (account_id, created_at desc);
create index email_outbox_created_at_idx on public.email_outbox (created_at desc);

-- One row per account and category that someone changed; a missing row means the category's
-- default (lib/email/categories.ts). Owners and admins change them; every member reads them.
create table public.notification_preferences (
  account_id uuid not null references public.accounts (id) on delete cascade,
  category text not null check (category in ('order_updates', 'payouts', 'weekly_report', 'pipeline_errors',
    'low_stock', 'shop_connection')),
  enabled boolean not null,
  updated_by uuid,
  updated_at timestamptz not null default now(),
  primary key (account_id, category)
);

alter table public.account_billing enable row level security;
alter table public.email_outbox enable row level security;
alter table public.notification_preferences enable row level security;

create policy account_billing_select on public.account_billing for select to authenticated
  using (account_id = any ((select private.user_account_ids())::uuid[]));
create policy email_outbox_select on public.email_outbox for select to authenticated
  using (account_id = any ((select private.user_account_ids())::uuid[]));
create policy notification_preferences_select on public.notification_preferences for select to authenticated
  using (account_id = any ((select private.user_account_ids())::uuid[]));
create policy notification_preferences_insert on public.notification_preferences for insert to authenticated
  with check (account_id = any ((select private.user_admin_account_ids())::uuid[]));
create policy notification_preferences_update on public.notification_preferences for update to authenticated
  using (account_id = any ((select private.user_admin_account_ids())::uuid[]))
  with check (account_id = any ((select private.user_admin_account_ids())::uuid[]));

grant select on public.account_billing, public.email_outbox to authenticated;
grant select, insert, update on public.notification_preferences to authenticated;

-- The sync job looks up a customer's unprocessed Stripe events.
create index webhook_events_stripe_pending_idx on public.webhook_events (external_ref)
  where provider = 'stripe' and status = 'pending';
