/**
 * holdsNothingNewerSql is decideOrderChange's "nothing new" verdict rendered for Postgres (the
 * webhook route decides in its one statement). The two must agree on every case: each pair of
 * stored and incoming statuses, with the incoming update_time older, equal and newer.
 */
import { sql } from 'drizzle-orm';
import { closeDb, systemDb } from '@/lib/db';
import type { TikTokOrderStatus } from '@/lib/db/schema/orders';
import { decideOrderChange, holdsNothingNewerSql } from '@/lib/orders/ingest';

const STATUSES: TikTokOrderStatus[] = ['UNPAID', 'ON_HOLD', 'AWAITING_SHIPMENT', 'PARTIALLY_SHIPPING', 'AWAITING_COLLECTION', 'IN_TRANSIT', 'DELIVERED', 'COMPLETED', 'CANCELLED'];
const STORED_TIME = 1_700_000_500;

afterAll(() => closeDb());

test('the SQL rule and decideOrderChange agree for every stored/incoming status and update_time', async () => {
  const cases = STATUSES.flatMap((stored) => STATUSES.flatMap((incoming) => [-1, 0, 1].map((delta) => ({ stored, incoming, updateTime: STORED_TIME + delta }))));
  const verdicts = await Promise.all(cases.map(async ({ stored, incoming, updateTime }) => {
    const condition = holdsNothingNewerSql({ orderStatus: sql`o.order_status`, tiktokUpdateTime: sql`o.tiktok_update_time` }, { orderStatus: incoming, updateTime });
    const { rows } = await systemDb().execute<{ nothing_newer: boolean }>(sql`
      select ${condition} as nothing_newer from (select ${stored}::text as order_status, ${STORED_TIME}::bigint as tiktok_update_time) o`);
    return rows[0]!.nothing_newer;
  }));
  const expected = cases.map(({ stored, incoming, updateTime }) => {
    const change = decideOrderChange({ orderStatus: stored, tiktokUpdateTime: STORED_TIME }, { orderStatus: incoming, updateTime });
    return change === 'stale' || change === 'unchanged';
  });
  expect(verdicts).toEqual(expected);
  // Both verdicts occur, so the comparison means something.
  expect(new Set(expected)).toEqual(new Set([true, false]));
});
