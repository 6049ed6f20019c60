/** The Stripe stand-in's surface for tests and scripts: start it in-process with port 0. */
export {
  createStripeStandIn,
  SANDBOX_SECRET_KEY,
  SANDBOX_WEBHOOK_SECRET,
  type StripeStandIn,
  type StripeStandInOptions,
} from './server';
export { signPayload } from './webhooks';
export type { PriceSeed } from './seed';
export type { StandInState, WebhookDelivery } from './state';
