// Surface of lib/shipping/carriers. Server-only (SDKs, node:crypto). Client code that only
// needs statuses may import './status-map' directly.
export type * from './types';
export { CarrierRequestError, type CarrierErrorCode } from './errors';
export { createShippoAdapter, type ShippoAdapterOptions } from './shippo';
export { createEasyPostAdapter, type EasyPostAdapterOptions } from './easypost';
export {
  verifyShippoWebhook,
  verifyEasyPostWebhook,
  signShippoWebhook,
  signEasyPostWebhook,
  type VerifyShippoWebhookInput,
  type VerifyEasyPostWebhookInput,
  type ShippoWebhookFailure,
  type EasyPostWebhookFailure,
} from './webhooks';
export * from './webhook-payloads';
export * from './status-map';
export {
  createMemoryPurchaseAttemptStore,
  stateOfOutcome,
  type PurchaseAttempt,
  type PurchaseAttemptState,
  type PurchaseAttemptStore,
} from './purchase-attempts';
export { purchaseLabelOnce, type PurchaseLabelOnceInput } from './purchase-label-once';
