-- Tenancy: accounts, their members and roles, user profiles, and the audit log.
-- Every table in public has RLS enabled here, in the migration that creates it. Tenant tables are
-- reached through private.user_account_ids(), evaluated once per statement via (select ...).

create schema if not exists private;
revoke all on schema private from public;
grant usage on schema private to authenticated, service_role;

create table public.accounts (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 120),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  plan_id text not null default 'local',
  settings jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table public.account_members (
  account_id uuid not null references public.accounts (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role text not null check (role in ('owner', 'admin', 'packer', 'viewer')),
  created_at timestamptz not null default now(),
  primary key (account_id, user_id)
);
create index account_members_user_id_idx on public.account_members (user_id);

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  full_name text,
  default_account_id uuid references public.accounts (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table public.audit_log (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references public.accounts (id) on delete cascade,
  actor_id uuid,
  actor_type text not null check (actor_type in ('user', 'system', 'tiktok_shop', 'carrier', 'stripe')),
  action text not null,
  entity_type text not null,
  entity_id text,
  data jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
create index audit_log_account_id_created_at_idx on public.audit_log (account_id, created_at desc);

-- Accounts the current JWT's user belongs to. Security definer so it can read account_members
-- without recursing into that table's own policies.
create function private.user_account_ids() returns uuid[]
language sql stable security definer set search_path = '' as $$
  select coalesce(array_agg(m.account_id), '{}')
  from public.account_members m
  where m.user_id = (select auth.uid())
$$;

-- Accounts where the user may change data (viewers may only read).
create function private.user_writable_account_ids() returns uuid[]
language sql stable security definer set search_path = '' as $$
  select coalesce(array_agg(m.account_id), '{}')
  from public.account_members m
  where m.user_id = (select auth.uid()) and m.role in ('owner', 'admin', 'packer')
$$;

-- Accounts the user administers (owners and admins manage members and settings).
create function private.user_admin_account_ids() returns uuid[]
language sql stable security definer set search_path = '' as $$
  select coalesce(array_agg(m.account_id), '{}')
  from public.account_members m
  where m.user_id = (select auth.uid()) and m.role in ('owner', 'admin')
$$;

revoke all on function private.user_account_ids(), private.user_writable_account_ids(),
  private.user_admin_account_ids() from public;
grant execute on function private.user_account_ids(), private.user_writable_account_ids(),
  private.user_admin_account_ids() to authenticated, service_role;

alter table public.accounts enable row level security;
alter table public.account_members enable row level security;
alter table public.profiles enable row level security;
alter table public.audit_log enable row level security;

create policy accounts_select on public.accounts for select to authenticated
  using (id = any ((select private.user_account_ids())::uuid[]));
create policy accounts_update on public.accounts for update to authenticated
  using (id = any ((select private.user_admin_account_ids())::uuid[]))
  with check (id = any ((select private.user_admin_account_ids())::uuid[]));

create policy account_members_select on public.account_members for select to authenticated
  using (account_id = any ((select private.user_account_ids())::uuid[]));
create policy account_members_insert on public.account_members for insert to authenticated
  with check (account_id = any ((select private.user_admin_account_ids())::uuid[]));
create policy account_members_update on public.account_members for update to authenticated
  using (account_id = any ((select private.user_admin_account_ids())::uuid[]))
  with check (account_id = any ((select private.user_admin_account_ids())::uuid[]));
create policy account_members_delete on public.account_members for delete to authenticated
  using (account_id = any ((select private.user_admin_account_ids())::uuid[]));

-- A profile is visible to its owner and to people who share an account with them.
create policy profiles_select on public.profiles for select to authenticated
  using (
    id = (select auth.uid())
    or exists (
      select 1 from public.account_members m
      where m.user_id = profiles.id and m.account_id = any ((select private.user_account_ids())::uuid[])
    )
  );
create policy profiles_update on public.profiles for update to authenticated
  using (id = (select auth.uid())) with check (id = (select auth.uid()));

create policy audit_log_select on public.audit_log for select to authenticated
  using (account_id = any ((select private.user_account_ids())::uuid[]));
create policy audit_log_insert on public.audit_log for insert to authenticated
  with check (account_id = any ((select private.user_writable_account_ids())::uuid[]));

grant select, update on public.accounts to authenticated;
grant select, insert, update, delete on public.account_members to authenticated;
grant select, update on public.profiles to authenticated;
grant select, insert on public.audit_log to authenticated;

-- Failed logins, for brute-force limiting. Private: only the server (system path) reads it.
create table private.login_attempts (
  id bigint generated always as identity primary key,
  key text not null,
  succeeded boolean not null,
  attempted_at timestamptz not null default now()
);
create index login_attempts_key_attempted_at_idx on private.login_attempts (key, attempted_at desc);
