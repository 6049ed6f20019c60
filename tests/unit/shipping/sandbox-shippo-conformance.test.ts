import { Shippo } from 'shippo';
import { SDKError } from 'shippo/models/errors';
import { createSandboxCarrier, type SandboxCarrier } from '@/sandbox/carrier';
import { verifyShippoWebhook } from '@/lib/shipping/carriers/webhooks';
import { parseShippoWebhook } from '@/lib/shipping/carriers/webhook-payloads';
import {
  eventually,
  rejectionOf,
  sandboxJson,
  SHIPPO_KEY,
  shippoShipmentBody,
  startReceiver,
} from './helpers';

// Spec §7 conformance: the official `shippo` SDK (strict zod validation of every response)
// against the sandbox carrier, unchanged except for serverURL.

const HMAC_SECRET = 'whsec_conformance';
let carrier: SandboxCarrier;
let shippo: Shippo;

beforeAll(async () => {
  carrier = await createSandboxCarrier({ shippoHmacSecret: HMAC_SECRET });
  shippo = new Shippo({ apiKeyHeader: SHIPPO_KEY, shippoApiVersion: '2018-02-08', serverURL: carrier.url });
});
afterEach(() => carrier.reset());
afterAll(() => carrier.close());

const purchases = () =>
  sandboxJson<{ count: number; purchases: Array<{ rateId: string; status: string; reference: string }> }>(
    carrier.url,
    '/__sandbox/purchases',
  );

async function firstRate() {
  const shipment = await shippo.shipments.create({ ...shippoShipmentBody, async: false });
  const rate = shipment.rates.find((r) => r.attributes.includes('CHEAPEST'));
  if (!rate) throw new Error('no CHEAPEST rate');
  return { shipment, rate };
}

test('1. full round trip: shipment (sync) -> label (async:false) -> tracking -> refund', async () => {
  const { shipment, rate } = await firstRate();
  expect(shipment.status).toBe('SUCCESS');
  expect(shipment.rates.map((r) => r.servicelevel.token)).toEqual([
    'usps_ground_advantage',
    'usps_priority',
    'ups_next_day_air',
  ]);
  expect(shipment.rates.every((r) => typeof r.estimatedDays === 'number')).toBe(true);
  expect(shipment.objectId).toMatch(/^[0-9a-f]{32}$/);

  const tx = await shippo.transactions.create({
    rate: rate.objectId,
    async: false,
    metadata: 'pkg_round_trip',
  });
  expect(tx.status).toBe('SUCCESS');
  expect(tx.trackingNumber).toMatch(/^SBX\d{20}$/);
  expect(tx.trackingStatus).toBe('PRE_TRANSIT');
  const pdf = Buffer.from(await (await fetch(tx.labelUrl!)).arrayBuffer());
  expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
  expect(pdf.toString('latin1')).toContain(tx.trackingNumber!);
  expect(pdf.toString('latin1')).toContain('965 Mission St');
  expect(await (await fetch(tx.trackingUrlProvider!)).text()).toContain(tx.trackingNumber!);

  const track = await shippo.trackingStatus.get(tx.trackingNumber!, 'usps');
  expect(track.trackingStatus?.status).toBe('PRE_TRANSIT');
  expect(track.transaction).toBe(tx.objectId);

  const refund = await shippo.refunds.create({ transaction: tx.objectId! });
  expect(refund.status).toBe('QUEUED');
  const refunded = await eventually(
    () => shippo.transactions.get(tx.objectId!),
    (t) => t.status === 'REFUNDED',
  );
  expect(refunded.status).toBe('REFUNDED');
  expect((await shippo.refunds.get(refund.objectId!)).status).toBe('SUCCESS');
  expect((await purchases()).purchases.map((p) => p.status)).toEqual(['REFUNDED']);
});

test('2. SDK default transactions.create({rate}) answers QUEUED, then polls to SUCCESS', async () => {
  const { rate } = await firstRate();
  const queued = await shippo.transactions.create({ rate: rate.objectId });
  expect(queued.status).toBe('QUEUED');
  expect(queued.trackingNumber).toBe('');
  const done = await eventually(
    () => shippo.transactions.get(queued.objectId!),
    (t) => t.status === 'SUCCESS',
  );
  expect(done.trackingNumber).toMatch(/^SBX\d{20}$/);
});

test('3. HTTP500 after commit: the SDK sees a 500, but exactly one label exists for the rate', async () => {
  const { rate } = await firstRate();
  const error = await rejectionOf(
    shippo.transactions.create({ rate: rate.objectId, async: false, metadata: 'pkg_9 HTTP500' }),
  );
  expect(error).toBeInstanceOf(SDKError);
  expect((error as SDKError).statusCode).toBe(500);
  const listed = await shippo.transactions.list({ rate: rate.objectId });
  expect(listed.results?.map((t) => [t.status, t.metadata])).toEqual([['SUCCESS', 'pkg_9 HTTP500']]);
  expect((await purchases()).count).toBe(1);
});

test('4. a rate older than 7 days (virtual clock) is refused with "Rate has expired"', async () => {
  const { rate } = await firstRate();
  carrier.advanceClock(7 * 86_400 + 60);
  const tx = await shippo.transactions.create({ rate: rate.objectId, async: false });
  expect(tx.status).toBe('ERROR');
  expect(tx.messages?.[0]?.text).toBe('Rate has expired');
  expect((await purchases()).count).toBe(0);
});

test('5. trackingStatus.get("SHIPPO_DELIVERED", "shippo") is DELIVERED with its history', async () => {
  const track = await shippo.trackingStatus.get('SHIPPO_DELIVERED', 'shippo');
  expect(track.trackingStatus?.status).toBe('DELIVERED');
  expect(track.trackingHistory.map((s) => s.status)).toEqual([
    'PRE_TRANSIT',
    'TRANSIT',
    'TRANSIT',
    'TRANSIT',
    'DELIVERED',
  ]);
  const transit = await shippo.trackingStatus.get('SHIPPO_TRANSIT', 'shippo');
  expect(transit.trackingStatus?.status).toBe('TRANSIT');
});

test('6. webhooks: URL token and HMAC verify, tampering fails, duplicates repeat the same body', async () => {
  const receiver = await startReceiver();
  try {
    const hook = await shippo.webhooks.createWebhook({
      event: 'track_updated',
      url: `${receiver.url}/hooks/shippo?token=tok_123`,
      isTest: true,
    });
    expect(hook.objectId).toMatch(/^[0-9a-f]{32}$/);
    await shippo.trackingStatus.create({ carrier: 'shippo', trackingNumber: 'SHIPPO_DELIVERED' });
    await carrier.webhooks.idle();
    const [delivery] = receiver.received;
    expect(delivery?.url).toBe('/hooks/shippo?token=tok_123');
    const verify = (rawBody: Buffer | string, token = 'tok_123') =>
      verifyShippoWebhook({
        rawBody,
        headers: delivery!.headers as Record<string, string>,
        url: `${receiver.url}${delivery!.url}`,
        expectedToken: token,
        hmacSecret: HMAC_SECRET,
      });
    expect(verify(delivery!.rawBody)).toEqual({ ok: true });
    expect(verify(delivery!.rawBody, 'tok_999')).toEqual({ ok: false, reason: 'bad_token' });
    expect(verify(delivery!.rawBody.toString().replace('DELIVERED', 'RETURNED'))).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    const parsed = parseShippoWebhook(delivery!.rawBody);
    expect(parsed.ok && parsed.value.kind === 'track' && parsed.value.track.tracking_status?.status).toBe(
      'DELIVERED',
    );

    await sandboxJson(carrier.url, '/__sandbox/faults', { body: { webhooks: { duplicateRate: 1 } } });
    await shippo.trackingStatus.create({ carrier: 'shippo', trackingNumber: 'SHIPPO_TRANSIT' });
    await carrier.webhooks.idle();
    const copies = receiver.received.slice(1);
    expect(copies).toHaveLength(2);
    expect(copies[0]!.rawBody.equals(copies[1]!.rawBody)).toBe(true);
    expect(carrier.webhooks.attempts().filter((a) => a.duplicate)).toHaveLength(1);
  } finally {
    await receiver.close();
  }
});

describe('wire details', () => {
  test('401 bodies for a missing and an unknown token', async () => {
    const missing = await fetch(`${carrier.url}/shipments/`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ detail: 'Authentication credentials were not provided.' });
    const unknown = await fetch(`${carrier.url}/shipments`, {
      headers: { authorization: 'ShippoToken nope' },
    });
    expect(await unknown.json()).toEqual({ detail: 'Token does not exist' });
  });

  test('form bodies and trailing slashes; numeric parcel dimensions are refused', async () => {
    const auth = {
      authorization: `ShippoToken ${SHIPPO_KEY}`,
      'content-type': 'application/x-www-form-urlencoded',
    };
    const form = await fetch(`${carrier.url}/addresses/`, {
      method: 'POST',
      headers: auth,
      body: 'name=Jane&street1=INVALID+St&zip=94117&country=US&validate=true',
    });
    expect(form.status).toBe(201);
    const address = (await form.json()) as {
      validation_results: { is_valid: boolean; messages: Array<{ code: string }> };
    };
    expect(address.validation_results).toMatchObject({
      is_valid: false,
      messages: [{ code: 'premise_number_missing' }],
    });
    const numeric = await fetch(`${carrier.url}/parcels`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        length: '5',
        width: '5',
        height: '5',
        distance_unit: 'in',
        weight: 2,
        mass_unit: 'lb',
      }),
    });
    expect(numeric.status).toBe(400);
    expect(await numeric.json()).toEqual({ weight: ['A valid string is required.'] });
  });

  test('rates list is paginated and an unknown rate is a field error', async () => {
    const { shipment } = await firstRate();
    const page = await shippo.rates.listShipmentRates(shipment.objectId, 1, 2);
    expect(page.results).toHaveLength(2);
    expect(page.next).toContain('page=2');
    const error = await rejectionOf<SDKError>(
      shippo.transactions.create({ rate: 'f'.repeat(32), async: false }),
    );
    expect(error.statusCode).toBe(400);
    expect(error.body).toContain('Invalid pk');
  });

  test('fault injection: 429 with Retry-After before anything is committed', async () => {
    const { rate } = await firstRate();
    await sandboxJson(carrier.url, '/__sandbox/faults', {
      body: { rules: [{ method: 'POST', path: '/transactions', status: 429, retryAfterSec: 7, count: 1 }] },
    });
    const error = await rejectionOf<SDKError>(
      shippo.transactions.create({ rate: rate.objectId, async: false }),
    );
    expect(error.statusCode).toBe(429);
    expect(error.headers.get('retry-after')).toBe('7');
    expect((await purchases()).count).toBe(0);
    expect((await shippo.transactions.create({ rate: rate.objectId, async: false })).status).toBe('SUCCESS');
  });
});
