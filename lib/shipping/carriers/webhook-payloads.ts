import { z } from 'zod';

// Webhook payload schemas, applied after the signature check. Loose on purpose: unknown
// fields and status values are accepted ("never fail closed on a field you don't know");
// only what we act on is required.

const shippoLocation = z.looseObject({
  city: z.string().nullish(),
  state: z.string().nullish(),
  zip: z.string().nullish(),
  country: z.string().nullish(),
});

export const shippoTrackingStatusSchema = z.looseObject({
  object_id: z.string().nullish(),
  status: z.string(),
  status_details: z.string().nullish(),
  status_date: z.string().nullish(),
  object_created: z.string().nullish(),
  substatus: z
    .looseObject({ code: z.string(), text: z.string().nullish(), action_required: z.boolean().nullish() })
    .nullish(),
  location: shippoLocation.nullish(),
});

export const shippoTrackSchema = z.looseObject({
  carrier: z.string(),
  tracking_number: z.string(),
  tracking_status: shippoTrackingStatusSchema.nullish(),
  tracking_history: z.array(shippoTrackingStatusSchema).default([]),
  eta: z.string().nullish(),
  transaction: z.string().nullish(),
  metadata: z.string().nullish(),
});

export const shippoTransactionSchema = z.looseObject({
  object_id: z.string(),
  status: z.string(),
  rate: z.union([z.string(), z.looseObject({ object_id: z.string().nullish() })]).nullish(),
  metadata: z.string().nullish(),
  tracking_number: z.string().nullish(),
  tracking_status: z.string().nullish(),
  label_url: z.string().nullish(),
  messages: z.array(z.looseObject({ code: z.string().nullish(), text: z.string().nullish() })).nullish(),
});

/** The `{event, test, data}` envelope. */
export const shippoWebhookEnvelopeSchema = z.looseObject({
  event: z.string(),
  test: z.boolean().optional(),
  data: z.unknown(),
});

export const easyPostTrackerPayloadSchema = z.looseObject({
  id: z.string(),
  object: z.literal('Tracker'),
  tracking_code: z.string(),
  status: z.string(),
  status_detail: z.string().nullish(),
  carrier: z.string().nullish(),
  shipment_id: z.string().nullish(),
  updated_at: z.string().nullish(),
  tracking_details: z
    .array(
      z.looseObject({
        status: z.string(),
        status_detail: z.string().nullish(),
        message: z.string().nullish(),
        datetime: z.string(),
      }),
    )
    .default([]),
});

export const easyPostEventSchema = z.looseObject({
  id: z.string(),
  object: z.literal('Event'),
  description: z.string(),
  mode: z.string().nullish(),
  created_at: z.string().nullish(),
  previous_attributes: z.record(z.string(), z.unknown()).nullish(),
  result: z.unknown(),
});

export type ShippoTrackPayload = z.output<typeof shippoTrackSchema>;
export type ShippoTransactionPayload = z.output<typeof shippoTransactionSchema>;
export type EasyPostEventPayload = z.output<typeof easyPostEventSchema>;
export type EasyPostTrackerPayload = z.output<typeof easyPostTrackerPayloadSchema>;

export type ParsedShippoWebhook =
  | { kind: 'track'; event: 'track_updated'; test: boolean; track: ShippoTrackPayload }
  | {
      kind: 'transaction';
      event: 'transaction_created' | 'transaction_updated';
      test: boolean;
      transaction: ShippoTransactionPayload;
    }
  | { kind: 'ignored'; event: string };

export type ParsedEasyPostWebhook =
  | { kind: 'tracker'; event: EasyPostEventPayload; tracker: EasyPostTrackerPayload }
  | { kind: 'ignored'; event: EasyPostEventPayload };

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

const bodyText = (raw: string | Uint8Array) =>
  typeof raw === 'string' ? raw : Buffer.from(raw).toString('utf8');

function parseJson(raw: string | Uint8Array): ParseResult<unknown> {
  try {
    return { ok: true, value: JSON.parse(bodyText(raw)) as unknown };
  } catch {
    return { ok: false, error: 'body is not JSON' };
  }
}

/** Parses a verified Shippo body. Events we do not handle come back as `ignored` (answer 200). */
export function parseShippoWebhook(raw: string | Uint8Array): ParseResult<ParsedShippoWebhook> {
  const json = parseJson(raw);
  if (!json.ok) return json;
  const envelope = shippoWebhookEnvelopeSchema.safeParse(json.value);
  if (!envelope.success) return { ok: false, error: z.prettifyError(envelope.error) };
  const { event, test = false, data } = envelope.data;
  if (event === 'track_updated') {
    const track = shippoTrackSchema.safeParse(data);
    return track.success
      ? { ok: true, value: { kind: 'track', event, test, track: track.data } }
      : { ok: false, error: z.prettifyError(track.error) };
  }
  if (event === 'transaction_created' || event === 'transaction_updated') {
    const tx = shippoTransactionSchema.safeParse(data);
    return tx.success
      ? { ok: true, value: { kind: 'transaction', event, test, transaction: tx.data } }
      : { ok: false, error: z.prettifyError(tx.error) };
  }
  return { ok: true, value: { kind: 'ignored', event } };
}

/** Parses a verified EasyPost Event. `tracker.*` events carry a Tracker in `result`. */
export function parseEasyPostWebhook(raw: string | Uint8Array): ParseResult<ParsedEasyPostWebhook> {
  const json = parseJson(raw);
  if (!json.ok) return json;
  const event = easyPostEventSchema.safeParse(json.value);
  if (!event.success) return { ok: false, error: z.prettifyError(event.error) };
  if (!event.data.description.startsWith('tracker.'))
    return { ok: true, value: { kind: 'ignored', event: event.data } };
  const tracker = easyPostTrackerPayloadSchema.safeParse(event.data.result);
  return tracker.success
    ? { ok: true, value: { kind: 'tracker', event: event.data, tracker: tracker.data } }
    : { ok: false, error: z.prettifyError(tracker.error) };
}
