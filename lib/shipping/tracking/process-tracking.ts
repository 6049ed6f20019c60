import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { asSystem, tables, type Tx } from '@/lib/db';
import { enqueue, QUEUE_PRIORITY } from '@/lib/queue';
import { PermanentJobError } from '@/lib/queue/define-job';
import { parseEasyPostWebhook, parseShippoWebhook, type NormalisedTrackingStatus } from '@/lib/shipping/carriers';
import { RetryLabelLater } from '../errors';
import { foldTrackingStatus, normaliseEasyPostTracker, normaliseShippoTrack, type NormalisedTracking } from './normalize-tracking';

/** A scan for a number we do not know yet may race our own purchase record; give it this long. */
const UNKNOWN_NUMBER_PATIENCE_MS = 10 * 60_000;

type Event = typeof tables.webhookEvents.$inferSelect;
type Parsed = { kind: 'tracking'; tracking: NormalisedTracking } | { kind: 'purchase'; reference: string } | { kind: 'ignored'; why: string };

function parseStored(event: Event): Parsed {
  const raw = JSON.stringify(event.payload);
  if (event.provider === 'shippo') {
    const parsed = parseShippoWebhook(raw);
    if (!parsed.ok) throw new PermanentJobError(`stored Shippo event does not parse: ${parsed.error}`);
    if (parsed.value.kind === 'track') return { kind: 'tracking', tracking: normaliseShippoTrack(parsed.value.track, event.receivedAt) };
    if (parsed.value.kind === 'transaction') return parsed.value.transaction.metadata ? { kind: 'purchase', reference: parsed.value.transaction.metadata } : { kind: 'ignored', why: 'no metadata' };
    return { kind: 'ignored', why: `event ${parsed.value.event}` };
  }
  if (event.provider === 'easypost') {
    const parsed = parseEasyPostWebhook(raw);
    if (!parsed.ok) throw new PermanentJobError(`stored EasyPost event does not parse: ${parsed.error}`);
    if (parsed.value.kind === 'tracker') return { kind: 'tracking', tracking: normaliseEasyPostTracker(parsed.value.tracker, event.receivedAt) };
    return { kind: 'ignored', why: `event ${parsed.value.event.description}` };
  }
  throw new PermanentJobError(`${event.provider} events are not shipping events`);
}

async function finish(tx: Tx, event: Event, status: 'processed' | 'ignored', error?: string) {
  await tx
    .update(tables.webhookEvents)
    .set({ status, error: error ?? null, processedAt: sql`now()`, processingMs: sql`(extract(epoch from now() - ${tables.webhookEvents.receivedAt}) * 1000)::int`, attempts: sql`${tables.webhookEvents.attempts} + 1` })
    .where(eq(tables.webhookEvents.id, event.id));
}

async function applyTracking(tx: Tx, event: Event, tracking: NormalisedTracking): Promise<void> {
  const [shipment] = await tx
    .select()
    .from(tables.shipments)
    .where(and(eq(tables.shipments.trackingNumber, tracking.trackingNumber), eq(tables.shipments.carrier, tracking.carrier)))
    .limit(1)
    // Scans of one parcel arrive in bursts (and duplicated); they are folded one webhook at a time.
    .for('update');
  if (!shipment) {
    if (Date.now() - event.receivedAt.getTime() < UNKNOWN_NUMBER_PATIENCE_MS) throw new RetryLabelLater(`no shipment with tracking number ${tracking.trackingNumber} yet`);
    return finish(tx, event, 'ignored', 'unknown tracking number');
  }
  if (tracking.scans.length > 0) {
    const rows = sql.join(
      tracking.scans.map((scan) => sql`(${shipment.accountId}::uuid, ${shipment.id}::uuid, ${tracking.carrier}, ${tracking.trackingNumber}, ${scan.status},
        ${scan.carrierStatus}, ${scan.substatus}, ${scan.description}, ${scan.location ? JSON.stringify(scan.location) : null}::jsonb, ${scan.occurredAt.toISOString()}::timestamptz, ${scan.dedupeKey})`),
      sql`, `,
    );
    await tx.execute(sql`
      insert into public.tracking_events (account_id, shipment_id, carrier, tracking_number, status, carrier_status, substatus, description, location, occurred_at, dedupe_key)
      values ${rows} on conflict (shipment_id, dedupe_key) do nothing`);
  }
  const folded = foldTrackingStatus({ status: shipment.trackingStatus as NormalisedTrackingStatus, at: shipment.lastTrackingAt }, tracking.scans);
  const moved = folded.status === shipment.trackingStatus
    ? []
    : await tx
        .update(tables.shipments)
        .set({ trackingStatus: folded.status, trackingStatusRank: folded.rank, lastTrackingAt: folded.at, updatedAt: sql`now()` })
        .where(eq(tables.shipments.id, shipment.id))
        .returning({ id: tables.shipments.id });
  if (moved.length > 0) {
    const [order] = await tx.select({ queue: tables.orders.processingQueue }).from(tables.orders).where(eq(tables.orders.id, shipment.orderId));
    await enqueue(
      'orders.advance-order',
      { accountId: shipment.accountId, orderId: shipment.orderId, reason: `carrier: ${folded.status}` },
      { tx, priority: QUEUE_PRIORITY[order?.queue ?? 'standard'] },
    );
  }
  await finish(tx, event, 'processed');
}

/** A transaction webhook for a purchase we have not settled: the buy-label job looks it up now. */
async function applyPurchaseHint(tx: Tx, event: Event, reference: string): Promise<void> {
  const [shipment] = await tx
    .select({ accountId: tables.shipments.accountId, orderId: tables.shipments.orderId, status: tables.shipments.status })
    .from(tables.shipments)
    .where(eq(tables.shipments.packageRef, reference));
  if (shipment && (shipment.status === 'purchasing' || shipment.status === 'unknown_outcome')) {
    await enqueue('shipping.buy-label', { accountId: shipment.accountId, orderId: shipment.orderId }, { tx, priority: QUEUE_PRIORITY.express });
  }
  await finish(tx, event, shipment ? 'processed' : 'ignored');
}

/**
 * Job `shipping.process-tracking`: applies one stored carrier webhook. Scans are stored once each
 * (tracking_events is unique on shipment + dedupe key), the shipment's status only moves forward
 * (foldTrackingStatus), and a status change wakes the order's workflow, which ships it on the first
 * scan in transit and completes it on delivery. Replaying an event changes nothing.
 */
export async function processTrackingEvent(input: { webhookEventId: string }): Promise<void> {
  await asSystem(async (tx) => {
    const [event] = await tx.select().from(tables.webhookEvents).where(eq(tables.webhookEvents.id, input.webhookEventId)).for('update');
    if (!event) throw new PermanentJobError(`webhook event ${input.webhookEventId} does not exist`);
    if (event.status === 'processed' || event.status === 'ignored') return;
    const parsed = parseStored(event);
    if (parsed.kind === 'ignored') return finish(tx, event, 'ignored', parsed.why);
    if (parsed.kind === 'purchase') return applyPurchaseHint(tx, event, parsed.reference);
    return applyTracking(tx, event, parsed.tracking);
  });
}
