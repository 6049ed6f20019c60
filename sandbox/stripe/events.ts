import Stripe from 'stripe';
import { clone, type EventObject } from './objects';
import type { StandInState } from './state';

/**
 * Records an event the way Stripe snapshots it: `data.object` is a copy of the object at the
 * moment of the change, so later changes never rewrite an event already sent. The caller decides
 * when to deliver (see webhooks.ts); recording and delivery are separate so a test can replay.
 */
export const recordEvent = (
  state: StandInState,
  type: string,
  object: unknown,
  previousAttributes?: Record<string, unknown>,
): EventObject => {
  const event: EventObject = {
    id: state.newId('evt'),
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: state.now(),
    data: {
      object: clone(object),
      ...(previousAttributes ? { previous_attributes: clone(previousAttributes) } : {}),
    },
    livemode: false,
    pending_webhooks: state.webhookEndpoint.url ? 1 : 0,
    request: { id: null, idempotency_key: null },
    type,
  };
  state.events.push(event);
  return event;
};
