// Public surface of the TikTok Shop simulator (tests, scripts/dev.ts, benches).
export { createTikTokShopSimulator, type TikTokShopSimulator } from './create-simulator';
export { DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS, type TikTokShopSimulatorOptions } from './sim';
export { DEMO_SHOP_ID, DEMO_SELLER, type SellerSeed } from './seed';
export { SEED_CATALOG, SHIPPING_PROVIDERS } from './catalog';
export { expectedRequestSign, isValidRequestSign, webhookAuthorization } from './signature';
export type { FaultsInput } from './faults';
export type { SimState } from './types';
