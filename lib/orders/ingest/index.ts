// Order ingestion: TikTok Shop orders → public.orders / order_items, idempotent and never backwards.
// Called by the TikTok sync jobs (lib/tiktok); the workflow takes over through orders.advance-order.
export { upsertTikTokOrders, type IngestResult, type IngestSource, type IngestedOrderRef } from './upsert-tiktok-orders';
export { mapTikTokOrder, aggregateLineItems, mapRecipient, type OrderSnapshot, type OrderSnapshotItem } from './map-tiktok-order';
export { decideOrderChange, holdsNothingNewerSql, type OrderChange } from './decide-order-change';
export { moneyToCents } from './money';
export { toStateCode } from './us-states';
