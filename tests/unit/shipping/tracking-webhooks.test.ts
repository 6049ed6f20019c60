import { createSandboxCarrier, type SandboxCarrier } from '@/sandbox/carrier';
import { createEasyPostAdapter } from '@/lib/shipping/carriers/easypost';
import { createShippoAdapter } from '@/lib/shipping/carriers/shippo';
import {
  mapEasyPostTrackingStatus,
  mapShippoTrackingStatus,
  shouldApplyTrackingStatus,
  type NormalisedTrackingStatus,
} from '@/lib/shipping/carriers/status-map';
import type { CarrierAdapter, PurchasedLabel } from '@/lib/shipping/carriers/types';
import { parseEasyPostWebhook, parseShippoWebhook } from '@/lib/shipping/carriers/webhook-payloads';
import { verifyEasyPostWebhook, verifyShippoWebhook } from '@/lib/shipping/carriers/webhooks';
import {
  BUYER,
  EASYPOST_KEY,
  sandboxJson,
  SHIPPO_KEY,
  SHOP,
  SMALL_PARCEL,
  startReceiver,
  type ReceivedWebhook,
} from './helpers';

// Virtual clock -> tracking progress -> signed webhooks to a local receiver, verified and
// mapped exactly as the app's webhook routes will do it.

const TOKEN = 'tok_tracking';
const SHIPPO_SECRET = 'whsec_tracking';
const EASYPOST_SECRET = 'ep_sécret';
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let carrier: SandboxCarrier;
let shippo: CarrierAdapter;
let easypost: CarrierAdapter;

beforeAll(async () => {
  receiver = await startReceiver();
  carrier = await createSandboxCarrier({
    shippoWebhookUrl: `${receiver.url}/api/webhooks/shippo?token=${TOKEN}`,
    shippoHmacSecret: SHIPPO_SECRET,
    easypostWebhookUrl: `${receiver.url}/api/webhooks/easypost`,
    easypostWebhookSecret: EASYPOST_SECRET,
    webhookRetryDelayMs: 0,
  });
  shippo = createShippoAdapter({ apiKey: SHIPPO_KEY, serverURL: carrier.url, timeoutMs: 2_000 });
  easypost = createEasyPostAdapter({ apiKey: EASYPOST_KEY, baseUrl: `${carrier.url}/v2/`, timeoutMs: 2_000 });
});
afterEach(() => {
  carrier.reset();
  receiver.received.length = 0;
});
afterAll(async () => {
  await carrier.close();
  await receiver.close();
});

async function buy(adapter: CarrierAdapter, reference: string): Promise<PurchasedLabel> {
  const [rate] = await adapter.getRates({ from: SHOP, to: BUYER, parcel: SMALL_PARCEL, reference });
  const label = await adapter.purchase({ rate: rate!, reference });
  if (label.kind !== 'purchased') throw new Error(`purchase was ${label.kind}`);
  return label;
}

/** What the Shippo route does: verify, parse, map. */
function shippoStatuses(deliveries: ReceivedWebhook[]): NormalisedTrackingStatus[] {
  return deliveries.map((delivery) => {
    const verified = verifyShippoWebhook({
      rawBody: delivery.rawBody,
      headers: delivery.headers as Record<string, string>,
      url: `${receiver.url}${delivery.url}`,
      expectedToken: TOKEN,
      hmacSecret: SHIPPO_SECRET,
    });
    expect(verified).toEqual({ ok: true });
    const parsed = parseShippoWebhook(delivery.rawBody);
    if (!parsed.ok || parsed.value.kind !== 'track') throw new Error('expected a track_updated payload');
    const status = parsed.value.track.tracking_status!;
    return mapShippoTrackingStatus(status.status, status.substatus);
  });
}

const shippoTracks = () =>
  receiver.received.filter(
    (d) => d.url.startsWith('/api/webhooks/shippo') && d.json.event === 'track_updated',
  );
const easyPostEvents = () => receiver.received.filter((d) => d.url === '/api/webhooks/easypost');

test('Shippo: advancing the clock 3 days sends one signed track_updated per step, in order', async () => {
  const label = await buy(shippo, 'pkg_t1');
  carrier.advanceClock(3 * 86_400);
  await carrier.webhooks.idle();
  const created = receiver.received.filter((d) => d.json.event === 'transaction_created');
  expect(created).toHaveLength(1);
  const tracks = shippoTracks();
  expect(tracks.every((d) => d.json.data?.tracking_number === label.trackingNumber)).toBe(true);
  expect(shippoStatuses(tracks)).toEqual(['in_transit', 'in_transit', 'out_for_delivery', 'delivered']);
  expect(
    (await shippo.track({ trackingNumber: label.trackingNumber, provider: label.provider })).status,
  ).toBe('delivered');
});

test('EasyPost: tracker.updated events are signed with the NFKD secret and map to our statuses', async () => {
  await buy(easypost, 'pkg_t2');
  carrier.advanceClock(3 * 86_400);
  await carrier.webhooks.idle();
  const statuses = easyPostEvents().map((delivery) => {
    expect(
      verifyEasyPostWebhook({
        rawBody: delivery.rawBody,
        headers: delivery.headers as Record<string, string>,
        secret: EASYPOST_SECRET,
      }),
    ).toEqual({ ok: true });
    const parsed = parseEasyPostWebhook(delivery.rawBody);
    if (!parsed.ok || parsed.value.kind !== 'tracker') throw new Error('expected tracker.updated');
    return mapEasyPostTrackingStatus(parsed.value.tracker.status, parsed.value.tracker.status_detail);
  });
  expect(statuses).toEqual(['in_transit', 'in_transit', 'out_for_delivery', 'delivered']);
  expect(new Set(easyPostEvents().map((d) => d.json.id)).size).toBe(4);
});

test('out-of-order delivery: applying by rank still ends at delivered', async () => {
  await buy(shippo, 'pkg_t3');
  await sandboxJson(carrier.url, '/__sandbox/faults', { body: { webhooks: { outOfOrder: true } } });
  carrier.advanceClock(3 * 86_400);
  await carrier.webhooks.idle();
  const arrived = shippoStatuses(shippoTracks());
  expect(arrived).toEqual(['delivered', 'out_for_delivery', 'in_transit', 'in_transit']);
  const applied = arrived.reduce<NormalisedTrackingStatus>(
    (current, next) => (shouldApplyTrackingStatus(current, next) ? next : current),
    'label_created',
  );
  expect(applied).toBe('delivered');
});

test('forced status, failed deliveries retried twice and every attempt recorded', async () => {
  const label = await buy(shippo, 'pkg_t4');
  const forced = await sandboxJson<{ status: string }>(
    carrier.url,
    `/__sandbox/tracking/${label.trackingNumber}`,
    { body: { status: 'exception' } },
  );
  expect(forced.status).toBe('exception');
  await carrier.webhooks.idle();
  expect(shippoStatuses(shippoTracks())).toEqual(['exception']);

  const flaky = await startReceiver({ failFirst: 2 });
  try {
    await sandboxJson(carrier.url, '/__sandbox/reset', { body: {} });
    await fetch(`${carrier.url}/webhooks`, {
      method: 'POST',
      headers: { authorization: `ShippoToken ${SHIPPO_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ event: 'track_updated', url: `${flaky.url}/flaky` }),
    });
    await fetch(`${carrier.url}/tracks`, {
      method: 'POST',
      headers: { authorization: `ShippoToken ${SHIPPO_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ carrier: 'shippo', tracking_number: 'SHIPPO_TRANSIT' }),
    });
    await carrier.webhooks.idle();
    const attempts = carrier.webhooks.attempts().filter((a) => a.url.endsWith('/flaky'));
    expect(attempts.map((a) => a.status)).toEqual([503, 503, 200]);
    expect(flaky.received).toHaveLength(1);
  } finally {
    await flaky.close();
  }
});
