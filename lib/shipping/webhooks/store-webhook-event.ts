import 'server-only';
import { eq } from 'drizzle-orm';
import { asSystem, tables } from '@/lib/db';
import { enqueue } from '@/lib/queue';

export type StoredEvent = { duplicate: boolean; webhookEventId: string | null };

/**
 * Dedupes on (provider, provider event id), stores the verified payload and enqueues its
 * processing in the same transaction, so an acknowledged webhook is never lost and a redelivery
 * is a no-op. The account is the shipment's owner (by tracking number or package reference);
 * events for parcels we do not know are kept with no account, for ops.
 */
export async function storeCarrierWebhookEvent(input: {
  provider: 'shippo' | 'easypost';
  providerEventId: string;
  eventType: string;
  trackingNumber?: string | null;
  packageRef?: string | null;
  payload: Record<string, unknown>;
}): Promise<StoredEvent> {
  return asSystem(async (tx) => {
    const owner = input.trackingNumber
      ? await tx.select({ accountId: tables.shipments.accountId }).from(tables.shipments).where(eq(tables.shipments.trackingNumber, input.trackingNumber)).limit(1)
      : input.packageRef
        ? await tx.select({ accountId: tables.shipments.accountId }).from(tables.shipments).where(eq(tables.shipments.packageRef, input.packageRef)).limit(1)
        : [];
    const inserted = await tx
      .insert(tables.webhookEvents)
      .values({
        accountId: owner[0]?.accountId ?? null, provider: input.provider, providerEventId: input.providerEventId.slice(0, 500),
        eventType: input.eventType.slice(0, 100), externalRef: (input.trackingNumber ?? input.packageRef ?? null)?.slice(0, 200) ?? null,
        payload: input.payload,
      })
      .onConflictDoNothing({ target: [tables.webhookEvents.provider, tables.webhookEvents.providerEventId] })
      .returning({ id: tables.webhookEvents.id });
    const id = inserted[0]?.id;
    if (!id) return { duplicate: true, webhookEventId: null };
    await enqueue('shipping.process-tracking', { webhookEventId: id }, { tx });
    return { duplicate: false, webhookEventId: id };
  });
}

/**
 * Shippo announces every label it sells (transaction_created / _updated). Only one for a purchase
 * we could not settle (`unknown_outcome`) tells us something; the rest are acknowledged unstored.
 */
export async function purchaseHintMatters(packageRef: string | null | undefined): Promise<boolean> {
  if (!packageRef) return false;
  const [shipment] = await asSystem((tx) =>
    tx.select({ status: tables.shipments.status }).from(tables.shipments).where(eq(tables.shipments.packageRef, packageRef)).limit(1),
  );
  return shipment?.status === 'unknown_outcome';
}
