-- Settling a webhook event (pending → processed, failed or ignored) rewrites its row. Postgres can
-- do that in place on the same page, without a new entry in every index of the table (a HOT
-- update), only when no indexed column changes and the page has room. webhook_events is the
-- busiest table of a spike (four TikTok events per order, each settled once), and two things
-- stopped it:
--
-- 1. webhook_events_stripe_pending_idx named `status` in its predicate, which counts as indexing
--    the column, so every settle was a full update touching all seven indexes. The lookup it served
--    (a Stripe customer's pending events, process-stripe-events.ts) filters on provider and
--    external_ref and sorts by received_at: webhook_events_provider_ref_received_idx already
--    answers exactly that, and a customer's events are few, so the status filter costs nothing.
-- 2. Rows are appended, so pages were full when the settle came. A fill factor of 80 leaves each
--    new page room for its rows' settled versions (existing pages keep theirs until rewritten).
drop index public.webhook_events_stripe_pending_idx;
alter table public.webhook_events set (fillfactor = 80);
