import { z } from 'zod';
import type Stripe from 'stripe';
import { StripeEventPayloadError } from './errors';

/**
 * Who a relevant event is about. We read only identifiers from the payload, never state: the
 * customer id says whose subscription to re-read from Stripe, and the account id (which we put on
 * the Checkout Session and the subscription ourselves) links a new customer to its account.
 */
export type StripeEventSubject = {
  eventId: string;
  type: string;
  customerId: string | null;
  accountId: string | null;
};

const ZExpandable = z.union([z.string(), z.looseObject({ id: z.string() })]).nullish();
const ZMetadata = z.record(z.string(), z.string()).nullish();

const ZSubjectObject = z.looseObject({
  object: z.string(),
  customer: ZExpandable,
  client_reference_id: z.string().nullish(),
  metadata: ZMetadata,
  // Invoices carry a snapshot of their subscription's metadata here (API 2025-03-31 and later).
  parent: z.looseObject({ subscription_details: z.looseObject({ metadata: ZMetadata }).nullish() }).nullish(),
});

const idOf = (value: z.infer<typeof ZExpandable>): string | null =>
  value == null ? null : typeof value === 'string' ? value : value.id;

export const readEventSubject = (event: Stripe.Event): StripeEventSubject => {
  const parsed = ZSubjectObject.safeParse(event.data.object);
  if (!parsed.success) {
    throw new StripeEventPayloadError(`${event.type} ${event.id}: ${z.prettifyError(parsed.error)}`);
  }
  const object = parsed.data;
  const accountId =
    object.client_reference_id ??
    object.metadata?.accountId ??
    object.parent?.subscription_details?.metadata?.accountId ??
    null;
  return { eventId: event.id, type: event.type, customerId: idOf(object.customer), accountId };
};
