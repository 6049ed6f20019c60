import { createSandboxCarrier, type SandboxCarrier } from '@/sandbox/carrier';
import { createShippoAdapter } from '@/lib/shipping/carriers/shippo';
import { CarrierRequestError } from '@/lib/shipping/carriers/errors';
import type { CarrierAdapter, RateQuote } from '@/lib/shipping/carriers/types';
import { chooseRate } from '@/lib/shipping/rates';
import { BUYER, eventually, rejectionOf, sandboxJson, SHIPPO_KEY, SHOP, SMALL_PARCEL } from './helpers';

// The Shippo adapter against the sandbox: normal purchase, every failure class, and the
// "answer lost after commit" cases that must end in exactly one label.

let carrier: SandboxCarrier;
let adapter: CarrierAdapter;

beforeAll(async () => {
  carrier = await createSandboxCarrier({ magicSlowMs: 150 });
  adapter = createShippoAdapter({
    apiKey: SHIPPO_KEY,
    serverURL: carrier.url,
    timeoutMs: 2_000,
    poll: { initialDelayMs: 5, maxDelayMs: 20, deadlineMs: 300 },
  });
});
afterEach(() => carrier.reset());
afterAll(() => carrier.close());

const purchases = () =>
  sandboxJson<{
    count: number;
    purchases: Array<{ rateId: string; reference: string; trackingNumber: string }>;
  }>(carrier.url, '/__sandbox/purchases');
const setFaults = (body: unknown) => sandboxJson(carrier.url, '/__sandbox/faults', { body });

async function cheapestQuote(reference: string): Promise<RateQuote> {
  const quotes = await adapter.getRates({ from: SHOP, to: BUYER, parcel: SMALL_PARCEL, reference });
  const choice = chooseRate(quotes, { serviceLevel: 'standard', now: new Date(), maxQuoteAgeMs: 3_600_000 });
  if (choice.kind !== 'chosen') throw new Error(choice.message);
  return choice.quote;
}

test('getRates returns normalised quotes; purchase buys exactly one label', async () => {
  const quotes = await adapter.getRates({ from: SHOP, to: BUYER, parcel: SMALL_PARCEL, reference: 'pkg_1' });
  expect(quotes).toHaveLength(3);
  expect(quotes[0]).toMatchObject({
    carrier: 'shippo',
    provider: 'USPS',
    serviceLevel: { token: 'usps_ground_advantage' },
    currency: 'USD',
  });
  expect(Number.isInteger(quotes[0]!.amountCents)).toBe(true);
  const outcome = await adapter.purchase({ rate: quotes[0]!, reference: 'pkg_1' });
  expect(outcome).toMatchObject({
    kind: 'purchased',
    carrier: 'shippo',
    rateId: quotes[0]!.rateId,
    shipmentId: quotes[0]!.shipmentId,
  });
  expect((await purchases()).purchases).toEqual([
    expect.objectContaining({ rateId: quotes[0]!.rateId, reference: 'pkg_1' }),
  ]);
});

test('HTTP500 after commit -> unknown; lookupPurchase finds the one label; no second purchase', async () => {
  const rate = await cheapestQuote('pkg_2 HTTP500');
  const outcome = await adapter.purchase({ rate, reference: 'pkg_2 HTTP500' });
  expect(outcome).toEqual({ kind: 'unknown', reason: 'Shippo answered HTTP 500' });
  const found = await adapter.lookupPurchase({ rate, reference: 'pkg_2 HTTP500' });
  expect(found.kind).toBe('purchased');
  const ledger = await purchases();
  expect(ledger.count).toBe(1);
  expect(found.kind === 'purchased' && found.trackingNumber).toBe(ledger.purchases[0]!.trackingNumber);
  // Another package's reference on the same rate is not ours.
  expect(await adapter.lookupPurchase({ rate, reference: 'pkg_other' })).toEqual({ kind: 'not_found' });
});

test('connection dropped after commit -> unknown, then found by lookup', async () => {
  const rate = await cheapestQuote('pkg_3');
  await setFaults({ rules: [{ method: 'POST', path: '/transactions', afterCommit: 'drop', count: 1 }] });
  const outcome = await adapter.purchase({ rate, reference: 'pkg_3' });
  expect(outcome.kind).toBe('unknown');
  expect((await adapter.lookupPurchase({ rate, reference: 'pkg_3' })).kind).toBe('purchased');
  expect((await purchases()).count).toBe(1);
});

test('client timeout while the carrier is slow -> unknown; the late commit is found, not repeated', async () => {
  const impatient = createShippoAdapter({ apiKey: SHIPPO_KEY, serverURL: carrier.url, timeoutMs: 20 });
  const rate = await cheapestQuote('pkg_slow SLOW');
  const outcome = await impatient.purchase({ rate, reference: 'pkg_slow SLOW' });
  expect(outcome.kind).toBe('unknown');
  expect(outcome.kind === 'unknown' && outcome.reason).toMatch(/^RequestTimeoutError/);
  // Until the carrier finishes, a lookup cannot prove anything either way.
  await eventually(purchases, (ledger) => ledger.count === 1);
  expect((await adapter.lookupPurchase({ rate, reference: 'pkg_slow SLOW' })).kind).toBe('purchased');
  expect((await purchases()).count).toBe(1);
});

test('503 before commit -> unknown, lookup says not_found, nothing was bought', async () => {
  const rate = await cheapestQuote('pkg_4');
  await setFaults({ rules: [{ path: '/transactions', method: 'POST', status: 503, count: 1 }] });
  expect((await adapter.purchase({ rate, reference: 'pkg_4' })).kind).toBe('unknown');
  expect(await adapter.lookupPurchase({ rate, reference: 'pkg_4' })).toEqual({ kind: 'not_found' });
  expect((await purchases()).count).toBe(0);
});

test('QUEUED despite async:false is polled to SUCCESS; a QUEUED that never resolves is unknown', async () => {
  const rate = await cheapestQuote('pkg_5');
  await setFaults({ rules: [{ path: '/transactions', method: 'POST', forceQueued: true, count: 1 }] });
  expect((await adapter.purchase({ rate, reference: 'pkg_5' })).kind).toBe('purchased');

  const stuck = await cheapestQuote('pkg_6');
  await setFaults({ rules: [{ path: '/transactions', method: 'POST', neverResolve: true }] });
  expect((await adapter.purchase({ rate: stuck, reference: 'pkg_6' })).kind).toBe('unknown');
  expect((await adapter.lookupPurchase({ rate: stuck, reference: 'pkg_6' })).kind).toBe('unknown');
});

test('carrier errors are failed (no label); an expired rate asks for a re-quote', async () => {
  const failCarrier = await cheapestQuote('pkg_7 FAIL_CARRIER');
  expect(await adapter.purchase({ rate: failCarrier, reference: 'pkg_7 FAIL_CARRIER' })).toMatchObject({
    kind: 'failed',
    code: 'carrier_rejected',
  });
  const failAddress = await cheapestQuote('pkg_8 FAIL_ADDRESS');
  expect(await adapter.purchase({ rate: failAddress, reference: 'pkg_8 FAIL_ADDRESS' })).toMatchObject({
    kind: 'failed',
    code: 'address_invalid',
  });
  const old = await cheapestQuote('pkg_9');
  carrier.advanceClock(8 * 86_400);
  expect(await adapter.purchase({ rate: old, reference: 'pkg_9' })).toMatchObject({
    kind: 'failed',
    code: 'rate_expired',
    retryWithRequote: true,
  });
  // A lookup after a definite failure says so (safe to buy again).
  expect((await adapter.lookupPurchase({ rate: old, reference: 'pkg_9' })).kind).toBe('failed');
  expect((await purchases()).count).toBe(0);
});

test('429 is a failed, retryable-later purchase; 429 on rates is a retryable CarrierRequestError', async () => {
  const rate = await cheapestQuote('pkg_10');
  await setFaults({ rules: [{ status: 429, count: 2 }] });
  expect(await adapter.purchase({ rate, reference: 'pkg_10' })).toMatchObject({
    kind: 'failed',
    code: 'rate_limited',
  });
  const error = await rejectionOf<CarrierRequestError>(
    adapter.getRates({ from: SHOP, to: BUYER, parcel: SMALL_PARCEL, reference: 'pkg_10' }),
  );
  expect(error).toBeInstanceOf(CarrierRequestError);
  expect(error).toMatchObject({ code: 'rate_limited', retryable: true });
});

test('bad input is refused before any call; refund and track work on a bought label', async () => {
  const error = await rejectionOf<CarrierRequestError>(
    adapter.getRates({ from: { ...SHOP, name: '' }, to: BUYER, parcel: SMALL_PARCEL, reference: 'x' }),
  );
  expect(error).toMatchObject({ code: 'invalid_input', retryable: false });
  expect(error.message).toContain('name is required');

  const rate = await cheapestQuote('pkg_11');
  const label = await adapter.purchase({ rate, reference: 'pkg_11' });
  if (label.kind !== 'purchased') throw new Error(label.reason);
  const tracking = await adapter.track({ trackingNumber: label.trackingNumber, provider: label.provider });
  expect(tracking).toMatchObject({
    status: 'label_created',
    carrierStatus: 'PRE_TRANSIT',
    trackingNumber: label.trackingNumber,
  });
  expect(await adapter.refund({ transactionId: label.transactionId })).toMatchObject({ status: 'refunded' });
  expect((await adapter.track({ trackingNumber: 'SHIPPO_DELIVERED', provider: 'shippo' })).status).toBe(
    'delivered',
  );
});
