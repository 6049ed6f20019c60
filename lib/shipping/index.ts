// Surface of lib/shipping outside the adapters (carriers/) and rate choice (rates/): the carrier
// gateway, label purchase exactly once per package, void, tracking webhooks.
export { getShippingConfig, configureShipping, shippingConfigFromEnv, type ShippingConfig } from './config';
export { createCarrierGateway, getCarrierGateway, type CarrierGateway } from './gateway';
export { buyLabel, type BuyLabelResult } from './buy-label';
export { voidLabel, type VoidLabelResult } from './void-label';
export { RetryLabelLater } from './errors';
export { packageRefFor } from './shipment-records';
export { storeLabelDocument } from './store-label-document';
export { closeShipmentLocks } from './shipment-lock';
export { processTrackingEvent } from './tracking/process-tracking';
export { foldTrackingStatus, normaliseEasyPostTracker, normaliseShippoTrack, type NormalisedScan, type NormalisedTracking } from './tracking/normalize-tracking';
export { receiveShippoWebhook, receiveEasyPostWebhook, type WebhookAnswer } from './webhooks/receive-carrier-webhook';
export { replayShippingWebhookEvent } from './replay-webhook-event';
