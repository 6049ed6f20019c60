import 'server-only';
// Server surface of the TikTok integration (routes, pages, seed, jobs): shop connection, webhooks,
// sync and pushes. `index.ts` stays the pure Open API client (no database), usable by tests, the
// simulator's tooling and benchmarks.
export { getTikTokClient, setTikTokClient, tiktokAppConfig, type TikTokAppConfig } from './app-client';
export { connectAuthorizedShops, connectShopsWithCode, type ConnectShopsResult, type ConnectedShop } from './shops/connect-shops';
export { disconnectShop } from './shops/disconnect-shop';
export { requestShopResync } from './shops/request-resync';
export { listShops, type ShopSummary } from './shops/list-shops';
export { loadShop, type ShopRow } from './shops/load-shop';
export { openShopApi } from './shops/open-shop-api';
export { createPostgresTokenStore, openTokens, sealTokens } from './shops/token-store';
export { ShopNotConnectedError } from './shops/errors';
export {
  OAUTH_STATE_COOKIE,
  OAUTH_STATE_TTL_SECONDS,
  checkOAuthState,
  createOAuthState,
  type OAuthStateCheck,
} from './shops/oauth-state';
export { receiveTikTokWebhook, type ReceiveWebhookResult } from './webhooks/receive-webhook';
export { readCappedBody, BodyTooLargeError, WEBHOOK_MAX_BYTES } from './webhooks/read-capped-body';
export { processTikTokWebhookEvent, type ProcessOutcome } from './webhooks/process-webhook-event';
export { syncRequestedOrders } from './sync/sync-requested-orders';
export { reconcileShopOrders, INITIAL_SYNC_DAYS, type ReconcileMode, type ReconcileResult } from './sync/reconcile-shop-orders';
export { importShopProducts } from './sync/import-shop-products';
export { flushShopInventory } from './sync/flush-shop-inventory';
export { getReconciliationSchedule, scheduleReconciliation, unscheduleReconciliation } from './sync/reconcile-schedule';
export { pushTrackingToTikTok } from './push-tracking';
export { pushInventoryToTikTok } from './push-inventory';
export { checkTikTokHealth, startTikTokIntegration } from './start-integration';
