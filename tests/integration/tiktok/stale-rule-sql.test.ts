/**
 * holdsNothingNewerSql is decideOrderChange's "nothing new" verdict rendered for Postgres (the
 * webhook route decides in its statements). The two must agree on every case: each pair of stored
 * and incoming statuses, with the incoming update_time older, equal and newer; all in one
 * statement, the incoming events as the rows of a JSON list as the route's statement reads them.
 */
import { sql } from 'drizzle-orm';
import { closeDb, systemDb } from '@/lib/db';
import type { TikTokOrderStatus } from '@/lib/db/schema/orders';
import { decideOrderChange, holdsNothingNewerSql } from '@/lib/orders/ingest';

const STATUSES: TikTokOrderStatus[] = ['UNPAID', 'ON_HOLD', 'AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING', 'AWAITING_COLLECTION', 'IN_TRANSIT', 'DELIVERED', 'COMPLETED', 'CANCELLED'];
const STORED_TIME = 1_700_000_500;
const stored = { orderStatus: sql`o.order_status`, tiktokUpdateTime: sql`o.tiktok_update_time` };
const cases = STATUSES.flatMap((storedStatus) => STATUSES.flatMap((incoming) => [-1, 0, 1].map((delta) => ({ storedStatus, incoming, updateTime: STORED_TIME + delta }))));
const expected = cases.map(({ storedStatus, incoming, updateTime }) => {
  const change = decideOrderChange({ orderStatus: storedStatus, tiktokUpdateTime: STORED_TIME }, { orderStatus: incoming, updateTime });
  return change === 'stale' || change === 'unchanged';
});

afterAll(() => closeDb());

test('both verdicts occur, so the comparisons below mean something', () => {
  expect(new Set(expected)).toEqual(new Set([true, false]));
});

test('the SQL rule over the webhook statement\'s input columns and decideOrderChange agree for every stored/incoming status and update_time', async () => {
  const condition = holdsNothingNewerSql(stored, { orderStatus: sql`v.order_status`, updateTime: sql`v.update_time` });
  const input = cases.map(({ storedStatus, incoming, updateTime }, n) => ({ n, stored_status: storedStatus, order_status: incoming, update_time: updateTime }));
  const { rows } = await systemDb().execute<{ nothing_newer: boolean }>(sql`
    select ${condition} as nothing_newer
    from jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as v(n int, stored_status text, order_status text, update_time bigint)
    cross join lateral (select v.stored_status as order_status, ${STORED_TIME}::bigint as tiktok_update_time) o
    order by v.n`);
  expect(rows.map((row) => row.nothing_newer)).toEqual(expected);
});
