import { createSandboxCarrier, type SandboxCarrier } from '@/sandbox/carrier';
import { createEasyPostAdapter } from '@/lib/shipping/carriers/easypost';
import type { CarrierAdapter } from '@/lib/shipping/carriers/types';
import { BUYER, EASYPOST_KEY, sandboxJson, SHOP, SMALL_PARCEL } from './helpers';

// The EasyPost adapter against the sandbox: one purchase per shipment, and every ambiguous
// answer resolved by reading the shipment back.

let carrier: SandboxCarrier;
let adapter: CarrierAdapter;

beforeAll(async () => {
  carrier = await createSandboxCarrier();
  adapter = createEasyPostAdapter({ apiKey: EASYPOST_KEY, baseUrl: `${carrier.url}/v2`, timeoutMs: 2_000 });
});
afterEach(() => carrier.reset());
afterAll(() => carrier.close());

const purchaseCount = async () =>
  (await sandboxJson<{ count: number }>(carrier.url, '/__sandbox/purchases?provider=easypost')).count;
const quotes = (reference: string) =>
  adapter.getRates({ from: SHOP, to: BUYER, parcel: SMALL_PARCEL, reference });

test('getRates converts units and normalises quotes; purchase buys once', async () => {
  const [cheapest] = await quotes('pkg_e1');
  expect(cheapest).toMatchObject({
    carrier: 'easypost',
    provider: 'USPS',
    serviceLevel: { token: 'GroundAdvantage', name: 'Ground Advantage' },
  });
  const shipment = carrier.state.easypost.shipments.get(cheapest!.shipmentId)!;
  expect((shipment.parcel as { weight: number }).weight).toBe(32);
  const outcome = await adapter.purchase({ rate: cheapest!, reference: 'pkg_e1' });
  expect(outcome).toMatchObject({
    kind: 'purchased',
    transactionId: cheapest!.shipmentId,
    rateId: cheapest!.rateId,
  });
  expect(await purchaseCount()).toBe(1);
});

test('a retried purchase hits SHIPMENT.POSTAGE.EXISTS and resolves to the same label', async () => {
  const [rate] = await quotes('pkg_e2');
  const first = await adapter.purchase({ rate: rate!, reference: 'pkg_e2' });
  const retry = await adapter.purchase({ rate: rate!, reference: 'pkg_e2' });
  expect(retry).toEqual(first);
  expect(await purchaseCount()).toBe(1);
});

test('HTTP500 after commit resolves to the committed label by Shipment.retrieve', async () => {
  const [rate] = await quotes('pkg_e3 HTTP500');
  const outcome = await adapter.purchase({ rate: rate!, reference: 'pkg_e3 HTTP500' });
  expect(outcome.kind).toBe('purchased');
  expect(await adapter.lookupPurchase({ rate: rate!, reference: 'pkg_e3 HTTP500' })).toEqual(outcome);
  expect(await purchaseCount()).toBe(1);
});

test('503 before commit -> unknown (no postage yet) -> lookup not_found', async () => {
  const [rate] = await quotes('pkg_e4');
  await sandboxJson(carrier.url, '/__sandbox/faults', {
    body: { rules: [{ api: 'easypost', path: '/v2/shipments/*/buy', status: 503, count: 1 }] },
  });
  const outcome = await adapter.purchase({ rate: rate!, reference: 'pkg_e4' });
  expect(outcome.kind).toBe('unknown');
  expect(await adapter.lookupPurchase({ rate: rate!, reference: 'pkg_e4' })).toEqual({ kind: 'not_found' });
  expect(await purchaseCount()).toBe(0);
});

test('carrier rejection and a rate from another shipment are failed', async () => {
  const [rejected] = await quotes('pkg_e5 FAIL_CARRIER');
  expect(await adapter.purchase({ rate: rejected!, reference: 'pkg_e5 FAIL_CARRIER' })).toMatchObject({
    kind: 'failed',
    code: 'carrier_rejected',
  });
  const [a] = await quotes('pkg_e6');
  const [b] = await quotes('pkg_e7');
  const mixed = { ...a!, rateId: b!.rateId };
  expect(await adapter.purchase({ rate: mixed, reference: 'pkg_e6' })).toMatchObject({
    kind: 'failed',
    code: 'invalid_rate',
    retryWithRequote: true,
  });
  expect(await purchaseCount()).toBe(0);
});

test('refund and track', async () => {
  const [rate] = await quotes('pkg_e8');
  const label = await adapter.purchase({ rate: rate!, reference: 'pkg_e8' });
  if (label.kind !== 'purchased') throw new Error('expected a label');
  expect(
    (await adapter.track({ trackingNumber: label.trackingNumber, provider: label.provider })).status,
  ).toBe('label_created');
  expect(await adapter.refund({ transactionId: label.transactionId })).toEqual({ status: 'pending' });
  expect((await adapter.lookupPurchase({ rate: rate!, reference: 'pkg_e8' })).kind).toBe('failed');
  const delivered = await adapter.track({ trackingNumber: 'EZ4000000004', provider: 'USPS' });
  expect(delivered.status).toBe('delivered');
  expect(delivered.events.map((e) => e.status)).toEqual([
    'label_created',
    'in_transit',
    'in_transit',
    'out_for_delivery',
    'delivered',
  ]);
});
