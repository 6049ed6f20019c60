import Stripe from 'stripe';
import { StripeEventPayloadError, StripeSignatureError } from '@/lib/billing/errors';
import { readEventSubject } from '@/lib/billing/read-event-subject';
import { isRelevantEvent, parseStripeEvent } from '@/lib/billing/webhook';

const SECRET = 'whsec_test_unit_secret';

const eventBody = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    id: 'evt_test_1',
    object: 'event',
    type: 'customer.subscription.updated',
    created: 1_700_000_000,
    livemode: false,
    api_version: Stripe.API_VERSION,
    data: {
      object: { id: 'sub_1', object: 'subscription', customer: 'cus_1', metadata: { accountId: 'acc_1' } },
    },
    ...overrides,
  });

const sign = (payload: string, secret = SECRET, timestamp?: number) =>
  Stripe.webhooks.generateTestHeaderString({ payload, secret, ...(timestamp ? { timestamp } : {}) });

const rejection = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
};

describe('parseStripeEvent', () => {
  it('accepts an event signed with the endpoint secret and returns it parsed', async () => {
    const rawBody = eventBody();
    const event = await parseStripeEvent({ rawBody, signatureHeader: sign(rawBody), webhookSecret: SECRET });
    expect(event.id).toBe('evt_test_1');
    expect(event.type).toBe('customer.subscription.updated');
  });

  it('accepts the raw body as a Buffer, as a route that reads bytes would pass it', async () => {
    const rawBody = eventBody();
    const event = await parseStripeEvent({
      rawBody: Buffer.from(rawBody, 'utf8'),
      signatureHeader: sign(rawBody),
      webhookSecret: SECRET,
    });
    expect(event.id).toBe('evt_test_1');
  });

  it('refuses a body changed after signing', async () => {
    const signed = eventBody();
    const tampered = signed.replace('"cus_1"', '"cus_2"');
    const error = await rejection(
      parseStripeEvent({ rawBody: tampered, signatureHeader: sign(signed), webhookSecret: SECRET }),
    );
    expect(error).toBeInstanceOf(StripeSignatureError);
  });

  it('refuses a body re-serialised from the parsed JSON (whitespace is part of what is signed)', async () => {
    const signed = JSON.stringify(JSON.parse(eventBody()), null, 2);
    const reserialised = JSON.stringify(JSON.parse(signed));
    const error = await rejection(
      parseStripeEvent({ rawBody: reserialised, signatureHeader: sign(signed), webhookSecret: SECRET }),
    );
    expect(error).toBeInstanceOf(StripeSignatureError);
  });

  it('refuses a signature made with another secret', async () => {
    const rawBody = eventBody();
    const error = await rejection(
      parseStripeEvent({
        rawBody,
        signatureHeader: sign(rawBody, 'whsec_someone_else'),
        webhookSecret: SECRET,
      }),
    );
    expect(error).toBeInstanceOf(StripeSignatureError);
  });

  it('refuses a correctly signed event whose timestamp is older than the tolerance', async () => {
    const rawBody = eventBody();
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    const error = await rejection(
      parseStripeEvent({
        rawBody,
        signatureHeader: sign(rawBody, SECRET, tenMinutesAgo),
        webhookSecret: SECRET,
        toleranceSec: 300,
      }),
    );
    expect(error).toBeInstanceOf(StripeSignatureError);
    expect((error as StripeSignatureError).details).toEqual({
      reason: 'Timestamp outside the tolerance zone',
    });
  });

  it('refuses a missing or garbled Stripe-Signature header', async () => {
    const rawBody = eventBody();
    await expect(
      parseStripeEvent({ rawBody, signatureHeader: null, webhookSecret: SECRET }),
    ).rejects.toBeInstanceOf(StripeSignatureError);
    await expect(
      parseStripeEvent({ rawBody, signatureHeader: 'v1=deadbeef', webhookSecret: SECRET }),
    ).rejects.toBeInstanceOf(StripeSignatureError);
  });

  it('maps the signature error to HTTP 400 through AppError', async () => {
    const error = await rejection(
      parseStripeEvent({ rawBody: eventBody(), signatureHeader: null, webhookSecret: SECRET }),
    );
    expect((error as StripeSignatureError).status).toBe(400);
  });

  it('reports a signed body that is not a Stripe event as a payload error, not a signature error', async () => {
    const notJson = 'hello';
    await expect(
      parseStripeEvent({ rawBody: notJson, signatureHeader: sign(notJson), webhookSecret: SECRET }),
    ).rejects.toBeInstanceOf(StripeEventPayloadError);
    const notAnEvent = JSON.stringify({ id: 'x', object: 'customer' });
    await expect(
      parseStripeEvent({ rawBody: notAnEvent, signatureHeader: sign(notAnEvent), webhookSecret: SECRET }),
    ).rejects.toBeInstanceOf(StripeEventPayloadError);
  });

  it('treats a missing or malformed webhook secret as a configuration error, not a bad request', async () => {
    const rawBody = eventBody();
    const error = await rejection(
      parseStripeEvent({ rawBody, signatureHeader: sign(rawBody), webhookSecret: '' }),
    );
    expect(error).not.toBeInstanceOf(StripeSignatureError);
    expect((error as Error).message).toMatch(/whsec_/);
    await expect(
      parseStripeEvent({ rawBody, signatureHeader: sign(rawBody), webhookSecret: SECRET, toleranceSec: 0 }),
    ).rejects.toThrow(/toleranceSec/);
  });
});

describe('relevant events and their subject', () => {
  it('keeps only the events that can change entitlement', () => {
    expect(isRelevantEvent('checkout.session.completed')).toBe(true);
    expect(isRelevantEvent('customer.subscription.deleted')).toBe(true);
    expect(isRelevantEvent('invoice.payment_failed')).toBe(true);
    expect(isRelevantEvent('customer.created')).toBe(false);
    expect(isRelevantEvent('charge.succeeded')).toBe(false);
  });

  it('reads the customer and our account id from a checkout session and from an invoice', async () => {
    const checkout = JSON.parse(
      eventBody({
        type: 'checkout.session.completed',
        data: {
          object: {
            object: 'checkout.session',
            customer: 'cus_9',
            client_reference_id: 'acc_9',
            metadata: {},
          },
        },
      }),
    ) as Stripe.Event;
    expect(readEventSubject(checkout)).toEqual({
      eventId: 'evt_test_1',
      type: 'checkout.session.completed',
      customerId: 'cus_9',
      accountId: 'acc_9',
    });
    const invoice = JSON.parse(
      eventBody({
        type: 'invoice.paid',
        data: {
          object: {
            object: 'invoice',
            customer: { id: 'cus_8' },
            metadata: {},
            parent: { subscription_details: { metadata: { accountId: 'acc_8' }, subscription: 'sub_8' } },
          },
        },
      }),
    ) as Stripe.Event;
    expect(readEventSubject(invoice)).toMatchObject({ customerId: 'cus_8', accountId: 'acc_8' });
  });
});
