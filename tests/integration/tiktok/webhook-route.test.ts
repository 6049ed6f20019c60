import { sql } from 'drizzle-orm';
import { computeWebhookSignature } from '@/lib/tiktok';
import { setEnv } from './harness';

/**
 * POST /api/webhooks/tiktok, called as Next calls it (a Request in, a Response out), against the real
 * database and queue: what is stored, what is enqueued, and what is refused with nothing stored.
 */
const APP_KEY = 'route_test_app_key';
const APP_SECRET = 'route_test_app_secret';
const SHOP_ID = '7300000000000000101';

let restoreEnv: () => void;
let app: {
  route: typeof import('@/app/api/webhooks/tiktok/route');
  db: typeof import('@/lib/db');
  runtime: typeof import('@/lib/queue/runtime');
  tenants: typeof import('@/tests/factories/tenants');
};
let accountId: string;
let counter = 0;

beforeAll(async () => {
  restoreEnv = setEnv({ TIKTOK_APP_KEY: APP_KEY, TIKTOK_APP_SECRET: APP_SECRET });
  app = {
    route: await import('@/app/api/webhooks/tiktok/route'),
    db: await import('@/lib/db'),
    runtime: await import('@/lib/queue/runtime'),
    tenants: await import('@/tests/factories/tenants'),
  };
  await app.db.asSystem((tx) => tx.execute(sql`delete from public.tiktok_shops where shop_id = ${SHOP_ID}`));
  accountId = (await app.tenants.createTenant('Webhook Route')).accountId;
  await app.db.asSystem((tx) =>
    tx.execute(sql`insert into public.tiktok_shops (account_id, shop_id, shop_cipher, name, region)
      values (${accountId}, ${SHOP_ID}, 'ROW_route_test', 'Route Test Shop', 'US')`),
  );
});

afterAll(async () => {
  await app?.runtime.stopQueueRuntime();
  await app?.db.closeDb();
  restoreEnv?.();
});

const nextId = () => `73${Date.now()}${String((counter += 1)).padStart(4, '0')}`;

function orderEvent(overrides: Record<string, unknown> = {}) {
  return JSON.stringify({
    type: 1,
    tts_notification_id: nextId(),
    shop_id: SHOP_ID,
    timestamp: 1718305585,
    data: { is_on_hold_order: false, order_id: '576653688135258178', order_status: 'AWAITING_SHIPMENT', update_time: 1718305585 },
    ...overrides,
  });
}

const post = (body: string, authorization: string | null = computeWebhookSignature(APP_KEY, APP_SECRET, body)) =>
  app.route.POST(
    new Request('http://localhost/api/webhooks/tiktok', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body,
    }),
  );

async function storedEvents(where: ReturnType<typeof sql>) {
  const result = await app.db.asSystem((tx) =>
    tx.execute<{ id: string; status: string; account_id: string | null; event_type: string; provider_event_id: string; error: string | null }>(
      sql`select id, status, account_id, event_type, provider_event_id, error from public.webhook_events where provider = 'tiktok' and ${where}`,
    ),
  );
  return result.rows;
}

async function processJobsFor(eventId: string): Promise<number> {
  const result = await app.db.asSystem((tx) =>
    tx.execute<{ n: number }>(sql`select count(*)::int as n from pgboss.job where name = 'tiktok.process-webhook' and data->>'eventId' = ${eventId}`),
  );
  return result.rows[0]!.n;
}

/** The "fetch this order" requests an event is waiting on (the route writes them with the event). */
async function requestsFor(eventId: string): Promise<{ tiktok_order_id: string }[]> {
  const result = await app.db.asSystem((tx) =>
    tx.execute<{ tiktok_order_id: string }>(sql`select tiktok_order_id from public.tiktok_order_sync_requests where ${eventId}::uuid = any(event_ids)`),
  );
  return result.rows;
}

async function syncJobsForShop(): Promise<number> {
  const result = await app.db.asSystem((tx) =>
    tx.execute<{ n: number }>(sql`select count(*)::int as n from pgboss.job j join public.tiktok_shops s on s.id::text = j.data->>'shopId'
      where j.name = 'tiktok.sync-orders' and s.shop_id = ${SHOP_ID}`),
  );
  return result.rows[0]!.n;
}

const byNotification = (body: string) => sql`provider_event_id = ${JSON.parse(body).tts_notification_id as string}`;

test('a valid order event is stored with its fetch request, the shop sync is enqueued, and 200 has an empty body', async () => {
  const body = orderEvent();
  const response = await post(body);
  expect(response.status).toBe(200);
  expect(await response.text()).toBe('');
  const [event] = await storedEvents(byNotification(body));
  // Pending until its order lands: the sync job settles it.
  expect(event).toMatchObject({ status: 'pending', account_id: accountId, event_type: 'ORDER_STATUS_CHANGE' });
  expect(await requestsFor(event!.id)).toEqual([{ tiktok_order_id: '576653688135258178' }]);
  expect(await processJobsFor(event!.id)).toBe(0);
  expect(await syncJobsForShop()).toBeGreaterThanOrEqual(1);
});

test('one changed byte in the body is refused with 401 and nothing is stored', async () => {
  const body = orderEvent();
  const signature = computeWebhookSignature(APP_KEY, APP_SECRET, body);
  const tampered = body.replace('AWAITING_SHIPMENT', 'AWAITING_SHIPMENS');
  const response = await post(tampered, signature);
  expect(response.status).toBe(401);
  expect(await response.text()).toBe('');
  expect(await storedEvents(byNotification(body))).toHaveLength(0);
});

test('a missing or malformed Authorization header is 401, nothing stored', async () => {
  const body = orderEvent();
  expect((await post(body, null)).status).toBe(401);
  expect((await post(body, 'Bearer abc')).status).toBe(401);
  expect((await post(body, computeWebhookSignature(APP_KEY, 'wrong-secret', body))).status).toBe(401);
  expect(await storedEvents(byNotification(body))).toHaveLength(0);
});

test('a replayed delivery is acknowledged but stored and requested once', async () => {
  const orderId = '576653688135258999';
  const body = orderEvent({ data: { is_on_hold_order: false, order_id: orderId, order_status: 'AWAITING_SHIPMENT', update_time: 1718305585 } });
  expect((await post(body)).status).toBe(200);
  expect((await post(body)).status).toBe(200);
  const events = await storedEvents(byNotification(body));
  expect(events).toHaveLength(1);
  expect(await requestsFor(events[0]!.id)).toHaveLength(1);
  const merged = await app.db.asSystem((tx) =>
    tx.execute<{ n: number }>(sql`select cardinality(event_ids)::int as n from public.tiktok_order_sync_requests where tiktok_order_id = ${orderId}`),
  );
  expect(merged.rows).toEqual([{ n: 1 }]);
});

test('without tts_notification_id the body hash is the dedupe key', async () => {
  const body = JSON.stringify({ type: 3, shop_id: SHOP_ID, timestamp: 1718305999, data: { order_id: '576653688135250001', update_time: 1718305999 } });
  expect((await post(body)).status).toBe(200);
  expect((await post(body)).status).toBe(200);
  const events = await storedEvents(sql`event_type = 'RECIPIENT_ADDRESS_UPDATE' and provider_event_id like 'sha256:%' and payload->'data'->>'order_id' = '576653688135250001'`);
  expect(events).toHaveLength(1);
});

test.each([
  ['not JSON', '{"type":1,'],
  ['an envelope without shop_id', JSON.stringify({ type: 1, tts_notification_id: 'x-no-shop', timestamp: 1, data: {} })],
  ['a string type', JSON.stringify({ type: 'one', tts_notification_id: 'x-bad-type', shop_id: SHOP_ID, timestamp: 1, data: {} })],
])('a signed but malformed body (%s) is 400 and nothing is stored', async (_label, body) => {
  const before = await storedEvents(sql`true`);
  const response = await post(body);
  expect(response.status).toBe(400);
  expect((await storedEvents(sql`true`)).length).toBe(before.length);
});

test('an unknown topic is stored as ignored and acknowledged, without a job', async () => {
  const body = orderEvent({ type: 99, data: { anything: true } });
  expect((await post(body)).status).toBe(200);
  const [event] = await storedEvents(byNotification(body));
  expect(event).toMatchObject({ status: 'ignored', event_type: 'TYPE_99', account_id: accountId });
  expect(await processJobsFor(event!.id)).toBe(0);
  expect(await requestsFor(event!.id)).toHaveLength(0);
});

test('an event for a shop nobody connected is stored with account_id null and acknowledged', async () => {
  const body = orderEvent({ shop_id: '7399999999999999999' });
  expect((await post(body)).status).toBe(200);
  const [event] = await storedEvents(byNotification(body));
  expect(event).toMatchObject({ status: 'ignored', account_id: null });
  expect(await processJobsFor(event!.id)).toBe(0);
});

test('a known topic with unreadable data is kept as failed (visible, replayable) and acknowledged', async () => {
  const body = orderEvent({ data: { order_id: '576653688135258178', order_status: 'TELEPORTED', update_time: 1 } });
  expect((await post(body)).status).toBe(200);
  const [event] = await storedEvents(byNotification(body));
  expect(event).toMatchObject({ status: 'failed' });
  expect(event!.error).toContain('invalid data for type 1');
  expect(await processJobsFor(event!.id)).toBe(0);
});

test('a body over 1 MiB is refused with 413 before anything is read into the database', async () => {
  const padding = 'x'.repeat(1024 * 1024);
  const body = orderEvent({ data: { order_id: '1', order_status: 'UNPAID', update_time: 1, padding } });
  const before = await storedEvents(sql`true`);
  expect((await post(body)).status).toBe(413);
  expect((await storedEvents(sql`true`)).length).toBe(before.length);
});

test('an order event for a shop that is no longer connected is stored as ignored, with no fetch request', async () => {
  const otherShop = '7300000000000000102';
  await app.db.asSystem(async (tx) => {
    await tx.execute(sql`delete from public.tiktok_shops where shop_id = ${otherShop}`);
    await tx.execute(sql`insert into public.tiktok_shops (account_id, shop_id, shop_cipher, name, region, status)
      values (${accountId}, ${otherShop}, 'ROW_route_test_2', 'Disconnected Shop', 'US', 'disconnected')`);
  });
  const body = orderEvent({ shop_id: otherShop });
  expect((await post(body)).status).toBe(200);
  const [event] = await storedEvents(byNotification(body));
  expect(event).toMatchObject({ status: 'ignored', account_id: accountId, error: 'shop is disconnected' });
  expect(await requestsFor(event!.id)).toHaveLength(0);
});

test('an order event no newer than the order we hold is stored as processed, with no fetch request; a newer one is requested', async () => {
  const orderId = `5770${nextId()}`;
  await app.db.asSystem((tx) => tx.execute(sql`
    insert into public.orders (account_id, shop_id, tiktok_order_id, order_status, tiktok_update_time)
    select ${accountId}, s.id, ${orderId}, 'AWAITING_COLLECTION', 1718305600 from public.tiktok_shops s where s.shop_id = ${SHOP_ID}`));
  const event = (order_status: string, update_time: number) =>
    orderEvent({ data: { is_on_hold_order: false, order_id: orderId, order_status, update_time } });
  const cases = [
    { body: event('AWAITING_SHIPMENT', 1718305590), status: 'processed' }, // older
    { body: event('AWAITING_SHIPMENT', 1718305600), status: 'processed' }, // same second, behind
    { body: event('AWAITING_COLLECTION', 1718305600), status: 'processed' }, // same second, same status
    { body: event('IN_TRANSIT', 1718305600), status: 'pending' }, // same second, forward
    { body: event('IN_TRANSIT', 1718305700), status: 'pending' }, // newer
  ];
  for (const { body, status } of cases) {
    expect((await post(body)).status).toBe(200);
    const [stored] = await storedEvents(byNotification(body));
    expect(stored).toMatchObject({ status, account_id: accountId, error: status === 'processed' ? 'a newer state of the order is already stored' : null });
    expect(await requestsFor(stored!.id)).toEqual(status === 'pending' ? [{ tiktok_order_id: orderId }] : []);
  }
});
