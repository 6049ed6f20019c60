import 'server-only';
import { logger } from '@/lib/logger';
import { parseEasyPostWebhook, parseShippoWebhook, verifyEasyPostWebhook, verifyShippoWebhook } from '@/lib/shipping/carriers';
import type { ShippingConfig } from '../config';
import { readRawBody } from './read-raw-body';
import { purchaseHintMatters, storeCarrierWebhookEvent } from './store-webhook-event';

export type WebhookAnswer = { status: number; body: Record<string, unknown> };

const answer = (status: number, body: Record<string, unknown>): WebhookAnswer => ({ status, body });

/**
 * POST /api/webhooks/shippo. Raw body (capped) → URL token (and the HMAC header when a secret is
 * configured) → parse → events we do not act on get 200 → dedupe + store + enqueue → 200.
 * Shippo sends no event id: a scan is identified by its tracking status object id, a transaction
 * by its id and status, so each distinct update is stored once however often it is delivered.
 */
export async function receiveShippoWebhook(request: Request, config: ShippingConfig['shippo']): Promise<WebhookAnswer> {
  const raw = await readRawBody(request);
  if (!raw.ok) return answer(413, { error: 'payload too large' });
  const verified = verifyShippoWebhook({
    rawBody: raw.bytes, headers: request.headers, url: request.url, expectedToken: config.webhookToken, hmacSecret: config.webhookHmacSecret,
  });
  if (!verified.ok) {
    logger.warn({ reason: verified.reason }, 'shippo webhook refused');
    return answer(401, { error: 'unauthorized' });
  }
  const parsed = parseShippoWebhook(raw.bytes);
  if (!parsed.ok) return answer(400, { error: 'malformed payload' });
  const event = parsed.value;
  if (event.kind === 'ignored') return answer(200, { received: true, ignored: event.event });
  const payload = JSON.parse(raw.bytes.toString('utf8')) as Record<string, unknown>;
  if (event.kind === 'track') {
    const latest = event.track.tracking_status;
    const scanId = latest?.object_id || `${latest?.status ?? 'none'}:${latest?.status_date ?? ''}:${event.track.tracking_history.length}`;
    const stored = await storeCarrierWebhookEvent({
      provider: 'shippo', providerEventId: `track:${event.track.carrier}:${event.track.tracking_number}:${scanId}`,
      eventType: event.event, trackingNumber: event.track.tracking_number, payload,
    });
    return answer(200, { received: true, duplicate: stored.duplicate });
  }
  const tx = event.transaction;
  if (!(await purchaseHintMatters(tx.metadata))) return answer(200, { received: true, ignored: 'purchase already settled' });
  const stored = await storeCarrierWebhookEvent({
    provider: 'shippo', providerEventId: `transaction:${tx.object_id}:${tx.status}`, eventType: event.event,
    packageRef: tx.metadata ?? null, payload,
  });
  return answer(200, { received: true, duplicate: stored.duplicate });
}

/**
 * POST /api/webhooks/easypost. Raw body (capped) → X-Hmac-Signature over the raw bytes with the
 * NFKD-normalised secret → parse → non-tracker events get 200 → dedupe on the Event id → 200.
 */
export async function receiveEasyPostWebhook(request: Request, config: ShippingConfig['easypost']): Promise<WebhookAnswer> {
  const raw = await readRawBody(request);
  if (!raw.ok) return answer(413, { error: 'payload too large' });
  const verified = verifyEasyPostWebhook({ rawBody: raw.bytes, headers: request.headers, secret: config.webhookSecret });
  if (!verified.ok) {
    logger.warn({ reason: verified.reason }, 'easypost webhook refused');
    return answer(401, { error: 'unauthorized' });
  }
  const parsed = parseEasyPostWebhook(raw.bytes);
  if (!parsed.ok) return answer(400, { error: 'malformed payload' });
  if (parsed.value.kind === 'ignored') return answer(200, { received: true, ignored: parsed.value.event.description });
  const { event, tracker } = parsed.value;
  const stored = await storeCarrierWebhookEvent({
    provider: 'easypost', providerEventId: event.id, eventType: event.description, trackingNumber: tracker.tracking_code,
    payload: JSON.parse(raw.bytes.toString('utf8')) as Record<string, unknown>,
  });
  return answer(200, { received: true, duplicate: stored.duplicate });
}
