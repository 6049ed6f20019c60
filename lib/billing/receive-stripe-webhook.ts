import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { asSystem, tables } from '@/lib/db';
import { enqueue } from '@/lib/queue';
import { readEventSubject } from './read-event-subject';
import { isRelevantEvent, parseStripeEvent } from './webhook';

export type ReceiveStripeWebhookResult =
  /** Verified, but not a type that can change an entitlement: acknowledged and dropped. */
  | { outcome: 'ignored'; eventId: string; type: string }
  /** This event id was stored before (Stripe retries, replays): nothing done again. */
  | { outcome: 'duplicate'; eventId: string; type: string }
  /** Stored, and a billing.sync-subscription job enqueued in the same transaction. */
  | { outcome: 'accepted'; eventId: string; type: string; customerId: string | null };

/**
 * The Stripe webhook's work after the HTTP edge: verify the signature over the raw bytes, drop
 * irrelevant types, then in ONE transaction store the event in public.webhook_events (unique on
 * provider + event id, which is the dedupe) and enqueue the sync job. Either both commit or
 * neither does, so an acknowledged event is never lost and a retried delivery never runs twice.
 *
 * The job is keyed by customer (singletonKey) and re-reads Stripe, so the payload's state and
 * the order of deliveries do not matter. An event without a customer is stored as 'ignored'.
 *
 * @throws StripeSignatureError (400) when the signature does not verify; nothing is stored.
 * @throws StripeEventPayloadError (400) when the signed body is not a readable event.
 */
export async function receiveStripeWebhook(input: {
  rawBody: Uint8Array<ArrayBuffer> | string;
  signatureHeader: string | null;
  webhookSecret: string;
}): Promise<ReceiveStripeWebhookResult> {
  const event = await parseStripeEvent(input);
  if (!isRelevantEvent(event.type)) return { outcome: 'ignored', eventId: event.id, type: event.type };
  const { customerId } = readEventSubject(event);

  return asSystem(async (tx) => {
    const [linked] = customerId
      ? await tx
          .select({ accountId: tables.accountBilling.accountId })
          .from(tables.accountBilling)
          .where(eq(tables.accountBilling.stripeCustomerId, customerId))
      : [];
    const [stored] = await tx
      .insert(tables.webhookEvents)
      .values({
        provider: 'stripe',
        providerEventId: event.id,
        eventType: event.type,
        externalRef: customerId,
        accountId: linked?.accountId ?? null,
        payload: event as unknown as Record<string, unknown>,
        status: customerId ? 'pending' : 'ignored',
        ...(customerId ? {} : { error: 'event names no customer', processedAt: sql`now()` }),
      })
      .onConflictDoNothing({ target: [tables.webhookEvents.provider, tables.webhookEvents.providerEventId] })
      .returning({ id: tables.webhookEvents.id });
    if (!stored) return { outcome: 'duplicate', eventId: event.id, type: event.type };
    if (customerId) {
      await enqueue(
        'billing.sync-subscription',
        { customerId, eventId: event.id },
        { tx, singletonKey: customerId },
      );
    }
    return { outcome: 'accepted', eventId: event.id, type: event.type, customerId };
  });
}
