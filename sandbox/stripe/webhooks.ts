import Stripe from 'stripe';
import type { EventObject } from './objects';
import type { StandInState, WebhookDelivery } from './state';

const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * Signs an event body exactly as Stripe does (`Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>">`), computed by the official library so the stand-in can never drift from the
 * scheme that `stripe.webhooks.constructEvent` checks. The async variant works in both of the
 * library's builds (Node crypto, and WebCrypto under Bun).
 */
export const signPayload = (payload: string, secret: string, timestamp?: number): Promise<string> =>
  Stripe.webhooks.generateTestHeaderStringAsync({ payload, secret, ...(timestamp ? { timestamp } : {}) });

/**
 * Delivers events one by one, in order, to the configured endpoint and records each outcome.
 * Awaited by the request that caused them, so when a Checkout redirect (or a control call)
 * returns, the app has already answered every webhook: tests need no waiting. No retries: a
 * failed delivery is visible in `GET /__sandbox/state` and can be sent again with
 * `POST /__sandbox/events/:id/deliver`.
 */
export const deliverEvents = async (
  state: StandInState,
  events: EventObject[],
): Promise<WebhookDelivery[]> => {
  const { url, secret } = state.webhookEndpoint;
  if (!url) return [];
  const deliveries: WebhookDelivery[] = [];
  for (const event of events) {
    const body = JSON.stringify(event, null, 2);
    const delivery: WebhookDelivery = {
      eventId: event.id,
      type: event.type,
      url,
      status: null,
      error: null,
      deliveredAt: new Date().toISOString(),
    };
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'Stripe-Signature': await signPayload(body, secret),
          'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        },
        body,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      await response.arrayBuffer();
      delivery.status = response.status;
    } catch (error) {
      delivery.error = error instanceof Error ? error.message : String(error);
    }
    state.deliveries.push(delivery);
    deliveries.push(delivery);
  }
  return deliveries;
};
