import 'server-only';
import Stripe from 'stripe';
import { z } from 'zod';
import { StripeEventPayloadError, StripeSignatureError } from './errors';

/**
 * Events that can change what an account is entitled to. Each one only tells us *which customer*
 * to look at: the handler re-reads the subscription from Stripe (sync-subscription.ts), so order
 * and duplication of deliveries do not matter. Everything else is acknowledged with 200 and dropped.
 */
export const RELEVANT_EVENTS: ReadonlySet<string> = new Set<Stripe.Event.Type>([
  'checkout.session.completed',
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
  'invoice.paid',
  'invoice.payment_failed',
]);

export const isRelevantEvent = (type: string): boolean => RELEVANT_EVENTS.has(type);

/** Stripe's own default; long enough for clock skew, short enough to make replays useless. */
export const DEFAULT_WEBHOOK_TOLERANCE_SEC = 300;

const ZParseStripeEventInput = z.strictObject({
  rawBody: z.union([z.string(), z.instanceof(Uint8Array)]),
  signatureHeader: z.string().nullable(),
  webhookSecret: z.string().startsWith('whsec_', 'Stripe webhook secret must start with whsec_'),
  // 0 would disable the timestamp check in the library, so it is refused here.
  toleranceSec: z.number().int().positive().default(DEFAULT_WEBHOOK_TOLERANCE_SEC),
});
export type ParseStripeEventInput = z.input<typeof ZParseStripeEventInput>;

// The envelope we rely on downstream; data.object is read per type by read-event-subject.ts.
const ZStripeEventEnvelope = z.looseObject({
  id: z.string().startsWith('evt_'),
  object: z.literal('event'),
  type: z.string().min(1),
  created: z.number().int(),
  livemode: z.boolean(),
  data: z.looseObject({ object: z.looseObject({ object: z.string() }) }),
});

/**
 * Verifies the Stripe-Signature header over the exact raw body, then parses the event.
 *
 * Uses the library's constructEventAsync: it is the same check as constructEvent, but also works
 * where the library is loaded in its fetch/WebCrypto build (Bun), whose crypto is async-only.
 * A missing or malformed secret in our configuration is our fault (plain Error → 500, logged), not
 * a bad request, so it is rejected before verification.
 *
 * @throws StripeSignatureError when the signature, secret or timestamp do not match.
 * @throws StripeEventPayloadError when the signed body is not a readable Stripe event.
 */
export const parseStripeEvent = async (input: ParseStripeEventInput): Promise<Stripe.Event> => {
  const parsedInput = ZParseStripeEventInput.safeParse(input);
  if (!parsedInput.success) throw new Error(`parseStripeEvent: ${z.prettifyError(parsedInput.error)}`);
  const { rawBody, signatureHeader, webhookSecret, toleranceSec } = parsedInput.data;
  if (!signatureHeader) throw new StripeSignatureError('missing Stripe-Signature header');

  let event: unknown;
  try {
    event = await Stripe.webhooks.constructEventAsync(rawBody, signatureHeader, webhookSecret, toleranceSec);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
      throw new StripeSignatureError(firstLine(error.message));
    }
    if (error instanceof SyntaxError) throw new StripeEventPayloadError('body is not JSON');
    throw error;
  }

  const envelope = ZStripeEventEnvelope.safeParse(event);
  if (!envelope.success) throw new StripeEventPayloadError(z.prettifyError(envelope.error));
  return event as Stripe.Event;
};

const firstLine = (message: string): string => message.split('\n')[0]?.trim() ?? message;
