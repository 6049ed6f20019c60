import { createSandboxCarrier, type SandboxCarrier } from '@/sandbox/carrier';
import { createMemoryPurchaseAttemptStore } from '@/lib/shipping/carriers/purchase-attempts';
import { purchaseLabelOnce } from '@/lib/shipping/carriers/purchase-label-once';
import { createShippoAdapter } from '@/lib/shipping/carriers/shippo';
import type { CarrierAdapter } from '@/lib/shipping/carriers/types';
import { BUYER, sandboxJson, SHIPPO_KEY, SHOP, SMALL_PARCEL } from './helpers';

// The purchase state machine over the real adapter and sandbox: retries, lost answers and
// concurrent workers end with exactly one label per package.

const SETTLE_MS = 10 * 60_000;
let carrier: SandboxCarrier;
let shippo: CarrierAdapter;

beforeAll(async () => {
  carrier = await createSandboxCarrier();
  shippo = createShippoAdapter({ apiKey: SHIPPO_KEY, serverURL: carrier.url, timeoutMs: 2_000 });
});
afterEach(() => carrier.reset());
afterAll(() => carrier.close());

const labelCount = async () =>
  (await sandboxJson<{ count: number }>(carrier.url, '/__sandbox/purchases')).count;
const rateFor = async (reference: string) =>
  (await shippo.getRates({ from: SHOP, to: BUYER, parcel: SMALL_PARCEL, reference }))[0]!;

test('a lost answer (HTTP500 after commit) is resolved by lookup on the next run, not re-bought', async () => {
  const store = createMemoryPurchaseAttemptStore();
  const reference = 'pkg_once_1 HTTP500';
  const rate = await rateFor(reference);
  const run = () =>
    purchaseLabelOnce({
      adapters: { shippo },
      store,
      reference,
      rate,
      now: new Date(),
      settleAfterMs: SETTLE_MS,
    });
  expect((await run()).kind).toBe('unknown');
  expect(store.rows.get(reference)?.state).toBe('unknown_outcome');
  const second = await run();
  expect(second.kind).toBe('purchased');
  expect(store.rows.get(reference)?.state).toBe('purchased');
  expect(await run()).toEqual(second);
  expect(await labelCount()).toBe(1);
});

test('concurrent workers: one buys, the other backs off', async () => {
  const store = createMemoryPurchaseAttemptStore();
  const rate = await rateFor('pkg_once_2');
  const results = await Promise.all(
    [1, 2].map(() =>
      purchaseLabelOnce({
        adapters: { shippo },
        store,
        reference: 'pkg_once_2',
        rate,
        now: new Date(),
        settleAfterMs: SETTLE_MS,
      }),
    ),
  );
  expect(results.map((r) => r.kind).sort()).toEqual(['purchased', 'unknown']);
  expect(await labelCount()).toBe(1);
});

test('nothing found is only trusted after the settle window; then it buys once', async () => {
  const store = createMemoryPurchaseAttemptStore();
  const rate = await rateFor('pkg_once_3');
  await sandboxJson(carrier.url, '/__sandbox/faults', {
    body: { rules: [{ method: 'POST', path: '/transactions', status: 503, count: 1 }] },
  });
  const started = new Date();
  const input = { adapters: { shippo }, store, reference: 'pkg_once_3', rate, settleAfterMs: SETTLE_MS };
  expect((await purchaseLabelOnce({ ...input, now: started })).kind).toBe('unknown');
  const tooSoon = await purchaseLabelOnce({ ...input, now: new Date(started.getTime() + 60_000) });
  expect(tooSoon).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('may still complete') });
  expect(await labelCount()).toBe(0);
  const later = await purchaseLabelOnce({ ...input, now: new Date(started.getTime() + SETTLE_MS + 1) });
  expect(later.kind).toBe('purchased');
  expect(await labelCount()).toBe(1);
});

test('a failed attempt (expired rate) can be retried with a fresh quote', async () => {
  const store = createMemoryPurchaseAttemptStore();
  const stale = await rateFor('pkg_once_4');
  carrier.advanceClock(8 * 86_400);
  const input = {
    adapters: { shippo },
    store,
    reference: 'pkg_once_4',
    now: new Date(),
    settleAfterMs: SETTLE_MS,
  };
  expect(await purchaseLabelOnce({ ...input, rate: stale })).toMatchObject({
    kind: 'failed',
    retryWithRequote: true,
  });
  expect(store.rows.get('pkg_once_4')?.state).toBe('failed');
  const fresh = await rateFor('pkg_once_4');
  expect((await purchaseLabelOnce({ ...input, rate: fresh })).kind).toBe('purchased');
  expect(await labelCount()).toBe(1);
});
