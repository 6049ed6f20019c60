-- A viral product's current minute bucket was one row every validated order of that product
-- updated, each holding its lock until commit: a queue of orders behind one row in a spike.
-- Each minute is now split over up to 8 shards; a writer picks one at random (8 rows to share
-- the load), readers sum them (the same indexed range read, at most 8x the rows).
alter table public.order_velocity_buckets add column shard smallint not null default 0 check (shard between 0 and 7);
alter table public.order_velocity_buckets drop constraint order_velocity_buckets_pkey;
alter table public.order_velocity_buckets add primary key (account_id, tiktok_product_id, bucket_start, shard);
