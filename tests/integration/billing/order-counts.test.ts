import { sql } from 'drizzle-orm';
import { countOrdersStored } from '@/lib/billing/plan-usage';
import { asSystem, closeDb, type Tx } from '@/lib/db';
import { createTenant, type TestTenant } from '@/tests/factories/tenants';
import { insertShop } from './fixtures';

/**
 * Plan usage counts an account's orders in a billing period from hourly counts a trigger keeps
 * (migration 20261124000200) plus the period's partial edge hours. Here the answer is checked
 * against counting public.orders itself, for periods cut anywhere, orders stored by several
 * statements and transactions, in a session whose time zone is not on the hour, and for an
 * ingestion-style insert whose conflicting rows are skipped.
 */
const HOUR = 3_600_000;
const BASE = Date.UTC(2026, 10, 2, 8, 0, 0); // 2026-11-02 08:00 UTC

let tenant: TestTenant;
let other: TestTenant;
let shopId: string;
let otherShopId: string;

/** One statement storing an order at each instant (offsets in ms from BASE); returns their ids. */
async function storeOrdersAt(tx: Tx, input: { accountId: string; shopId: string; offsetsMs: number[]; prefix?: string }) {
  const rows = input.offsetsMs.map((offset, index) => ({
    tiktok_order_id: `${input.prefix ?? `oc-${crypto.randomUUID()}`}-${index}`,
    created_at: new Date(BASE + offset).toISOString(),
  }));
  const result = await tx.execute<{ id: string }>(sql`
    insert into public.orders (account_id, shop_id, tiktok_order_id, order_status, currency, subtotal_cents, shipping_fee_cents, total_cents, created_at)
    select ${input.accountId}, ${input.shopId}, r.tiktok_order_id, 'AWAITING_SHIPMENT', 'USD', 1000, 0, 1000, r.created_at
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(tiktok_order_id text, created_at timestamptz)
    on conflict (shop_id, tiktok_order_id) do nothing
    returning id`);
  return result.rows.map((row) => row.id);
}

const counted = (accountId: string, start: number, end: number) =>
  asSystem((tx) => countOrdersStored(tx, accountId, { start: new Date(start), end: new Date(end) }));

const truth = async (accountId: string, start: number, end: number) =>
  (await asSystem((tx) => tx.execute<{ n: number }>(sql`
    select count(*)::int as n from public.orders
    where account_id = ${accountId} and created_at >= ${new Date(start).toISOString()}::timestamptz
      and created_at < ${new Date(end).toISOString()}::timestamptz`))).rows[0]!.n;

// A deterministic spread: 0–30 orders in each of 60 hours, at uneven minutes, including orders on
// the hour exactly and in its last millisecond.
const offsets = Array.from({ length: 60 }, (_, hour) =>
  Array.from({ length: (hour * 7) % 31 }, (_, k) => hour * HOUR + ((k * 7_919_000) % HOUR)),
).flat();
offsets.push(5 * HOUR, 6 * HOUR - 1, 59 * HOUR + HOUR - 1);

beforeAll(async () => {
  tenant = await createTenant('Hourly Counts');
  other = await createTenant('Other Counts');
  [shopId, otherShopId] = await asSystem(async (tx) => [await insertShop(tx, tenant.accountId), await insertShop(tx, other.accountId)]);
  // Three transactions, one of them in a time zone half an hour off UTC, and a few statements each.
  const thirds = [offsets.filter((_, i) => i % 3 === 0), offsets.filter((_, i) => i % 3 === 1), offsets.filter((_, i) => i % 3 === 2)];
  await asSystem(async (tx) => {
    await storeOrdersAt(tx, { accountId: tenant.accountId, shopId, offsetsMs: thirds[0]!.slice(0, 100) });
    await storeOrdersAt(tx, { accountId: tenant.accountId, shopId, offsetsMs: thirds[0]!.slice(100) });
  });
  await asSystem(async (tx) => {
    await tx.execute(sql`set local time zone 'Asia/Kolkata'`);
    await storeOrdersAt(tx, { accountId: tenant.accountId, shopId, offsetsMs: thirds[1]! });
  });
  await asSystem((tx) => storeOrdersAt(tx, { accountId: tenant.accountId, shopId, offsetsMs: thirds[2]! }));
  // Another account's orders in the same hours count for it alone.
  await asSystem((tx) => storeOrdersAt(tx, { accountId: other.accountId, shopId: otherShopId, offsetsMs: offsets.slice(0, 50) }));
});

afterAll(async () => {
  await closeDb();
});

test('the hourly counts add up to the orders stored, per account and hour, in UTC hours', async () => {
  const { rows } = await asSystem((tx) => tx.execute<{ account_id: string; hour: string; counted: number; stored: number }>(sql`
    with counted as (
      select account_id, hour, sum(orders)::int as n from public.order_counts_hourly
      where account_id in (${tenant.accountId}, ${other.accountId}) group by 1, 2),
    stored as (
      select account_id, date_trunc('hour', created_at, 'UTC') as hour, count(*)::int as n from public.orders
      where account_id in (${tenant.accountId}, ${other.accountId}) group by 1, 2)
    select coalesce(c.account_id, s.account_id) as account_id, coalesce(c.hour, s.hour)::text as hour,
      coalesce(c.n, 0) as counted, coalesce(s.n, 0) as stored
    from counted c full join stored s using (account_id, hour)`));
  expect(rows.length).toBeGreaterThan(50);
  expect(rows.filter((row) => row.counted !== row.stored)).toEqual([]);
});

test('a period cut anywhere counts exactly the orders stored in it', async () => {
  const total = offsets.length;
  const periods: [number, number][] = [
    [BASE, BASE + 60 * HOUR], // every order, whole hours
    [BASE - 10 * HOUR, BASE + 100 * HOUR], // wider than the data
    [BASE + 5 * HOUR, BASE + 6 * HOUR], // one whole hour, with an order on its first instant and its last
    [BASE + 5 * HOUR + 1, BASE + 6 * HOUR - 1], // inside one hour, both edges partial
    [BASE + 5 * HOUR + 600_000, BASE + 5 * HOUR + 600_000], // empty
    [BASE + 2 * HOUR + 1_234_567, BASE + 41 * HOUR + 2_345_678], // partial hours at both ends
    [BASE + 59 * HOUR + 1, BASE + 70 * HOUR], // the last partial hour and nothing after
  ];
  // And pseudo-random cuts (a fixed LCG, so a failure reproduces).
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 25; i += 1) {
    const a = BASE + Math.floor(next() * 62 * HOUR) - HOUR;
    const b = a + Math.floor(next() * 30 * HOUR);
    periods.push([a, b]);
  }
  expect(await counted(tenant.accountId, BASE - HOUR, BASE + 61 * HOUR)).toBe(total);
  for (const [start, end] of periods) {
    expect({ start: new Date(start), end: new Date(end), orders: await counted(tenant.accountId, start, end) }).toEqual({
      start: new Date(start),
      end: new Date(end),
      orders: await truth(tenant.accountId, start, end),
    });
  }
  expect(await counted(other.accountId, BASE - HOUR, BASE + 61 * HOUR)).toBe(50);
});

test('orders an insert skips on conflict (a re-delivered TikTok order) are not counted again', async () => {
  const prefix = `oc-dup-${crypto.randomUUID()}`;
  const first = await asSystem((tx) => storeOrdersAt(tx, { accountId: tenant.accountId, shopId, offsetsMs: [70 * HOUR, 70 * HOUR + 5], prefix }));
  const again = await asSystem((tx) => storeOrdersAt(tx, { accountId: tenant.accountId, shopId, offsetsMs: [70 * HOUR, 70 * HOUR + 5, 70 * HOUR + 9], prefix }));
  expect([first.length, again.length]).toEqual([2, 1]);
  expect(await counted(tenant.accountId, BASE + 70 * HOUR, BASE + 71 * HOUR)).toBe(3);
  const hourRows = await asSystem((tx) => tx.execute<{ n: number }>(sql`
    select sum(orders)::int as n from public.order_counts_hourly
    where account_id = ${tenant.accountId} and hour = ${new Date(BASE + 70 * HOUR).toISOString()}::timestamptz`));
  expect(hourRows.rows[0]!.n).toBe(3);
});
