-- A sync job claims up to 50 order requests for a few minutes instead of holding their rows locked
-- while it waits on TikTok: no transaction (and no pooled connection) stays open across an HTTP call.
-- A claim that outlives its job (crash) simply expires and the requests are taken again.
alter table public.tiktok_order_sync_requests add column claimed_until timestamptz;
