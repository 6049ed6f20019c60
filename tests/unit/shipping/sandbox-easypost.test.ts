import EasyPostClient from '@easypost/api';
import { createSandboxCarrier, type SandboxCarrier } from '@/sandbox/carrier';
import { verifyEasyPostWebhook } from '@/lib/shipping/carriers/webhooks';
import { parseEasyPostWebhook } from '@/lib/shipping/carriers/webhook-payloads';
import { BUYER, EASYPOST_KEY, rejectionOf, sandboxJson, SHOP, startReceiver } from './helpers';

// The official `@easypost/api` client against the sandbox's /v2/ subset.

let carrier: SandboxCarrier;
let client: InstanceType<typeof EasyPostClient>;

beforeAll(async () => {
  carrier = await createSandboxCarrier();
  client = new EasyPostClient(EASYPOST_KEY, { baseUrl: `${carrier.url}/v2/` });
});
afterEach(() => carrier.reset());
afterAll(() => carrier.close());

const shipmentParams = (reference: string) => ({
  from_address: {
    name: SHOP.name,
    street1: SHOP.street1,
    city: SHOP.city,
    state: SHOP.state,
    zip: SHOP.zip,
    country: 'US',
  },
  to_address: {
    name: BUYER.name,
    street1: BUYER.street1,
    city: BUYER.city,
    state: BUYER.state,
    zip: BUYER.zip,
    country: 'US',
  },
  parcel: { length: 10, width: 8, height: 4, weight: 32 },
  reference,
});

test('create -> buy -> retrieve -> refund; a second buy is SHIPMENT.POSTAGE.EXISTS', async () => {
  const shipment = await client.Shipment.create(shipmentParams('pkg_ep_1'));
  expect(shipment.id).toMatch(/^shp_[0-9a-f]{32}$/);
  expect(shipment.rates.map((r) => `${r.carrier}/${r.service}`)).toEqual([
    'USPS/GroundAdvantage',
    'USPS/Priority',
    'UPS/NextDayAir',
  ]);
  const lowest = shipment.lowestRate();
  expect(lowest.service).toBe('GroundAdvantage');

  const bought = await client.Shipment.buy(shipment.id, lowest);
  expect(bought.tracking_code).toMatch(/^SBX\d{20}$/);
  expect(bought.postage_label.label_url).toContain('/__sandbox/labels/pl_');
  expect(bought.tracker.status).toBe('pre_transit');
  expect(bought.selected_rate.id).toBe(lowest.id);

  const again = await rejectionOf<{ code: string; statusCode: number }>(
    client.Shipment.buy(shipment.id, shipment.rates[1]!),
  );
  expect(again.statusCode).toBe(422);
  expect(again.code).toBe('SHIPMENT.POSTAGE.EXISTS');

  const retrieved = await client.Shipment.retrieve(shipment.id);
  expect(retrieved.tracking_code).toBe(bought.tracking_code);
  const refunded = await client.Shipment.refund(shipment.id);
  expect(refunded.refund_status).toBe('submitted');

  const purchases = await sandboxJson<{
    count: number;
    purchases: Array<{ provider: string; reference: string }>;
  }>(carrier.url, '/__sandbox/purchases');
  expect(purchases.count).toBe(1);
  expect(purchases.purchases[0]).toMatchObject({ provider: 'easypost', reference: 'pkg_ep_1' });
});

test('a rate of another shipment is SHIPMENT.MISSING_RATE; a missing field is PARAMETER.REQUIRED', async () => {
  const first = await client.Shipment.create(shipmentParams('pkg_a'));
  const second = await client.Shipment.create(shipmentParams('pkg_b'));
  const wrong = await rejectionOf<{ code: string }>(client.Shipment.buy(first.id, second.rates[0]!));
  expect(wrong.code).toBe('SHIPMENT.MISSING_RATE');
  const invalid = await rejectionOf<{ code: string; errors: Array<{ field: string }> }>(
    client.Shipment.create({ ...shipmentParams('pkg_c'), parcel: undefined } as never),
  );
  expect(invalid.code).toBe('PARAMETER.REQUIRED');
  expect(invalid.errors[0]?.field).toBe('shipment.parcel');
});

test('Tracker.create: EZ test codes and dedupe per code', async () => {
  const delivered = await client.Tracker.create({ tracking_code: 'EZ4000000004', carrier: 'USPS' });
  expect(delivered.status).toBe('delivered');
  expect(delivered.signed_by).toBe('John Tester');
  const again = await client.Tracker.create({ tracking_code: 'EZ4000000004', carrier: 'USPS' });
  expect(again.id).toBe(delivered.id);
  expect((await client.Tracker.retrieve(delivered.id)).tracking_code).toBe('EZ4000000004');
  const refused = await rejectionOf<{ statusCode: number }>(
    client.Tracker.create({ tracking_code: '9400100000000000000000' }),
  );
  expect(refused.statusCode).toBe(422);
});

test('tracker.updated events verify with our verifier and with the official client (weight ".0")', async () => {
  const receiver = await startReceiver();
  try {
    const secret = 'sécret';
    const hook = await client.Webhook.create({
      url: `${receiver.url}/hooks/easypost`,
      webhook_secret: secret,
    });
    expect(hook.id).toMatch(/^hook_/);
    const shipment = await client.Shipment.create(shipmentParams('pkg_hook'));
    const bought = await client.Shipment.buy(shipment.id, shipment.lowestRate());
    carrier.advanceClock(6 * 3600);
    await carrier.webhooks.idle();
    const [delivery] = receiver.received;
    expect(delivery?.json.description).toBe('tracker.updated');
    // Integer weights go out as "32.0", exactly what EasyPost's own servers send.
    expect(delivery!.rawBody.toString()).toContain('"weight":32.0');
    expect(
      verifyEasyPostWebhook({
        rawBody: delivery!.rawBody,
        headers: delivery!.headers as Record<string, string>,
        secret,
      }),
    ).toEqual({ ok: true });
    const event = client.Utils.validateWebhook(
      delivery!.rawBody,
      delivery!.headers as Record<string, string>,
      secret,
    ) as { result: { status: string } };
    expect(event.result.status).toBe('in_transit');
    const parsed = parseEasyPostWebhook(delivery!.rawBody);
    expect(parsed.ok && parsed.value.kind === 'tracker' && parsed.value.tracker.tracking_code).toBe(
      bought.tracking_code,
    );
  } finally {
    await receiver.close();
  }
});

test('Basic auth is required', async () => {
  const response = await fetch(`${carrier.url}/v2/shipments`, { method: 'POST' });
  expect(response.status).toBe(401);
  expect(((await response.json()) as { error: { code: string } }).error.code).toBe('APIKEY.REQUIRED');
});
