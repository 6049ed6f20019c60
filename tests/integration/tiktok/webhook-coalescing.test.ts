import { sql } from 'drizzle-orm';
import { computeWebhookSignature } from '@/lib/tiktok';

/**
 * Group commit on the webhook route's hot path: ORDER_STATUS_CHANGE deliveries received together share
 * one statement (receive-order-status-change.ts), against the real database and queue. Deliveries are
 * handed to receiveTikTokWebhook (what POST /api/webhooks/tiktok calls after reading the body) all in
 * the same tick: it reaches the statement without awaiting anything, so the first goes alone, at once,
 * and the others wait for it and go together, a batch every time.
 *
 * Events stored by one statement share their received_at (now(): the time their transaction began),
 * so counting distinct received_at counts the statements that stored them.
 */
const APP_KEY = 'coalescing_test_app_key';
const APP_SECRET = 'coalescing_test_app_secret';
const SHOP_ID = '7300000000000000201';
const OTHER_SHOP_ID = '7300000000000000202';
const DISCONNECTED_SHOP_ID = '7300000000000000203';
const T = 1718305600;

let app: {
  server: typeof import('@/lib/tiktok/server');
  receive: typeof import('@/lib/tiktok/webhooks/receive-order-status-change');
  parse: typeof import('@/lib/tiktok/parse-webhook-body');
  db: typeof import('@/lib/db');
  runtime: typeof import('@/lib/queue/runtime');
  tenants: typeof import('@/tests/factories/tenants');
};
let accountId: string;
let counter = 0;

beforeAll(async () => {
  app = {
    server: await import('@/lib/tiktok/server'),
    receive: await import('@/lib/tiktok/webhooks/receive-order-status-change'),
    parse: await import('@/lib/tiktok/parse-webhook-body'),
    db: await import('@/lib/db'),
    runtime: await import('@/lib/queue/runtime'),
    tenants: await import('@/tests/factories/tenants'),
  };
  const shopIds = [SHOP_ID, OTHER_SHOP_ID, DISCONNECTED_SHOP_ID];
  accountId = (await app.tenants.createTenant('Webhook Coalescing')).accountId;
  await app.db.asSystem(async (tx) => {
    await tx.execute(sql`delete from public.tiktok_shops where shop_id in ${shopIds}`);
    await tx.execute(sql`delete from public.webhook_events where provider = 'tiktok' and external_ref in ${shopIds}`);
    await tx.execute(sql`insert into public.tiktok_shops (account_id, shop_id, shop_cipher, name, region, status) values
      (${accountId}, ${SHOP_ID}, 'ROW_coalescing_1', 'Coalescing Shop', 'US', 'connected'),
      (${accountId}, ${OTHER_SHOP_ID}, 'ROW_coalescing_2', 'Coalescing Shop 2', 'US', 'connected'),
      (${accountId}, ${DISCONNECTED_SHOP_ID}, 'ROW_coalescing_3', 'Disconnected Shop', 'US', 'disconnected')`);
  });
});

afterAll(async () => {
  await app?.runtime.stopQueueRuntime();
  await app?.db.closeDb();
});

const nextId = () => `74${Date.now()}${String((counter += 1)).padStart(4, '0')}`;
const newOrderId = () => `5790${nextId()}`;

function orderEvent(orderId: string, order_status: string, update_time: number, overrides: Record<string, unknown> = {}) {
  return JSON.stringify({
    type: 1,
    tts_notification_id: nextId(),
    shop_id: SHOP_ID,
    timestamp: update_time,
    data: { is_on_hold_order: false, order_id: orderId, order_status, update_time },
    ...overrides,
  });
}

const notificationOf = (body: string) => JSON.parse(body).tts_notification_id as string;

/** Every body handed over in the same tick, as concurrent requests reach the route. */
const receiveTogether = (bodies: readonly string[]) =>
  Promise.allSettled(bodies.map((body) => {
    const authorization = computeWebhookSignature(APP_KEY, APP_SECRET, body);
    return app.server.receiveTikTokWebhook({ rawBody: Buffer.from(body), authorization, appKey: APP_KEY, appSecret: APP_SECRET });
  }));

type Received = Awaited<ReturnType<typeof import('@/lib/tiktok/server').receiveTikTokWebhook>>;
function answered(results: PromiseSettledResult<Received>[]): Received[] {
  return results.map((result) => {
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  });
}

/** What the route did with an event: 'duplicate', or what applying it did ('stale', 'orders_requested'…). */
const verdictOf = (received: Received) =>
  received.status !== 200 ? `HTTP ${received.status}` : received.outcome === 'accepted' ? received.applied : received.outcome;

type StoredEvent = { id: string; provider_event_id: string; status: string; error: string | null; account_id: string | null; received_at: string };

async function storedEvents(notificationIds: readonly string[]) {
  const { rows } = await app.db.systemDb().execute<StoredEvent>(sql`
    select id, provider_event_id, status, error, account_id, received_at::text from public.webhook_events
    where provider = 'tiktok' and provider_event_id = any(${sql.param(notificationIds)}::text[])`);
  return rows;
}

async function requestsFor(orderIds: readonly string[]) {
  const { rows } = await app.db.systemDb().execute<{ tiktok_order_id: string; event_ids: string[] }>(sql`
    select tiktok_order_id, array(select unnest(event_ids)::text order by 1) as event_ids from public.tiktok_order_sync_requests
    where tiktok_order_id = any(${sql.param(orderIds)}::text[])`);
  return rows;
}

async function storeOrder(orderId: string, status: string, updateTime: number) {
  await app.db.systemDb().execute(sql`
    insert into public.orders (account_id, shop_id, tiktok_order_id, order_status, tiktok_update_time)
    select ${accountId}, s.id, ${orderId}, ${status}, ${updateTime} from public.tiktok_shops s where s.shop_id = ${SHOP_ID}`);
}

const statementsThatStored = (events: readonly { received_at: string }[]) => new Set(events.map((event) => event.received_at)).size;

test('a spike of concurrent deliveries is stored in a few statements: each event once, duplicates answered as such, one request per order with its new events', async () => {
  // 20 orders, three events each; five orders are already held ON_HOLD at T, so their UNPAID and
  // ON_HOLD events bring nothing newer. Every other order's ON_HOLD is delivered twice.
  const orders = Array.from({ length: 20 }, (_, index) => ({ orderId: newOrderId(), held: index < 5, duplicated: index % 2 === 0 }));
  for (const order of orders.filter((o) => o.held)) await storeOrder(order.orderId, 'ON_HOLD', T);
  const perOrder = orders.map((order) => ({
    ...order,
    events: [orderEvent(order.orderId, 'UNPAID', T), orderEvent(order.orderId, 'ON_HOLD', T), orderEvent(order.orderId, 'AWAITING_SHIPMENT', T + 1)],
  }));
  const distinct = perOrder.flatMap((order) => order.events);
  const duplicates = perOrder.filter((order) => order.duplicated).map((order) => order.events[1]!);
  // Interleaved as a spike delivers them: the statuses of many orders mixed, duplicates among them.
  const bodies = [...distinct.filter((_, index) => index % 2 === 0), ...duplicates, ...distinct.filter((_, index) => index % 2 === 1)];

  const responses = answered(await receiveTogether(bodies));

  expect(responses).toHaveLength(70);
  expect(responses.every((response) => response.status === 200)).toBe(true);
  const outcomes = new Map<string, string[]>();
  bodies.forEach((body, index) => {
    const id = notificationOf(body);
    outcomes.set(id, [...(outcomes.get(id) ?? []), String(verdictOf(responses[index]!))].sort());
  });
  const stored = await storedEvents(distinct.map(notificationOf));
  expect(stored).toHaveLength(60);
  for (const order of perOrder) {
    const [unpaid, onHold, shipment] = order.events.map(notificationOf) as [string, string, string];
    const older = order.held ? 'stale' : 'orders_requested';
    expect(outcomes.get(unpaid)).toEqual([older]);
    expect(outcomes.get(onHold)).toEqual(order.duplicated ? ['duplicate', older] : [older]);
    expect(outcomes.get(shipment)).toEqual(['orders_requested']);
  }
  const storedBy = new Map(stored.map((event) => [event.provider_event_id, event]));
  const requests = new Map((await requestsFor(orders.map((order) => order.orderId))).map((request) => [request.tiktok_order_id, request.event_ids]));
  for (const order of perOrder) {
    const events = order.events.map((body) => storedBy.get(notificationOf(body))!);
    expect(events.map((event) => event.status)).toEqual(order.held ? ['processed', 'processed', 'pending'] : ['pending', 'pending', 'pending']);
    const fresh = events.filter((event) => event.status === 'pending').map((event) => event.id).sort();
    expect(requests.get(order.orderId)).toEqual(fresh);
  }
  // The first delivery went alone; the other 69 waited for it and went together.
  expect(statementsThatStored(stored)).toBeLessThanOrEqual(2);
});

test('in a batch, an event no newer than the order we hold is judged as alone: stale, stored processed, no request', async () => {
  const cases = [
    { status: 'AWAITING_SHIPMENT', time: T - 10, stale: true }, // older
    { status: 'AWAITING_SHIPMENT', time: T, stale: true }, // same second, behind
    { status: 'AWAITING_COLLECTION', time: T, stale: true }, // same second, same status
    { status: 'IN_TRANSIT', time: T, stale: false }, // same second, forward
    { status: 'IN_TRANSIT', time: T + 100, stale: false }, // newer
  ];
  // Each case twice, on orders held alike: once in a batch, once alone (nothing else in flight).
  const batched = cases.map((c) => ({ ...c, orderId: newOrderId() }));
  const alone = cases.map((c) => ({ ...c, orderId: newOrderId() }));
  for (const { orderId } of [...batched, ...alone]) await storeOrder(orderId, 'AWAITING_COLLECTION', T);
  const leader = orderEvent(newOrderId(), 'UNPAID', T);
  const batchBodies = batched.map((c) => orderEvent(c.orderId, c.status, c.time));
  const batchResponses = answered(await receiveTogether([leader, ...batchBodies])).slice(1);
  const aloneBodies = alone.map((c) => orderEvent(c.orderId, c.status, c.time));
  const aloneResponses: Received[] = [];
  for (const body of aloneBodies) aloneResponses.push(...answered(await receiveTogether([body])));

  const expected = cases.map((c) => (c.stale ? 'stale' : 'orders_requested'));
  expect(batchResponses.map(verdictOf)).toEqual(expected);
  expect(aloneResponses.map(verdictOf)).toEqual(expected);

  const settled = async (bodies: string[], orders: { orderId: string }[]) => {
    const stored = new Map((await storedEvents(bodies.map(notificationOf))).map((event) => [event.provider_event_id, event]));
    const requested = new Set((await requestsFor(orders.map((o) => o.orderId))).map((request) => request.tiktok_order_id));
    return {
      events: bodies.map((body) => {
        const event = stored.get(notificationOf(body))!;
        return { status: event.status, error: event.error };
      }),
      requested: orders.map((order) => requested.has(order.orderId)),
      statements: statementsThatStored([...stored.values()]),
    };
  };
  const batch = await settled(batchBodies, batched);
  const single = await settled(aloneBodies, alone);
  expect(batch.events).toEqual(cases.map((c) => (c.stale ? { status: 'processed', error: 'a newer state of the order is already stored' } : { status: 'pending', error: null })));
  expect(batch.requested).toEqual(cases.map((c) => !c.stale));
  expect({ events: batch.events, requested: batch.requested }).toEqual({ events: single.events, requested: single.requested });
  expect(batch.statements).toBe(1);
  expect(single.statements).toBe(cases.length);
});

test('an event Postgres refuses fails alone: the others of its batch are stored and answered 200', async () => {
  const leader = orderEvent(newOrderId(), 'UNPAID', T);
  const good = Array.from({ length: 6 }, () => orderEvent(newOrderId(), 'AWAITING_SHIPMENT', T));
  // Valid JSON, but jsonb cannot hold \u0000: the whole batch's statement fails on it.
  const poison = orderEvent(newOrderId(), 'AWAITING_SHIPMENT', T, { note: 'nul \u0000 byte' });
  const bodies = [leader, ...good.slice(0, 3), poison, ...good.slice(3)];

  const results = await receiveTogether(bodies);

  const poisonResult = results[4]!;
  expect(poisonResult.status).toBe('rejected');
  const others = answered(results.filter((_, index) => index !== 4));
  expect(others.map(verdictOf)).toEqual(Array(7).fill('orders_requested'));
  expect(await storedEvents([notificationOf(poison)])).toHaveLength(0);
  const stored = await storedEvents(good.map(notificationOf));
  expect(stored.map((event) => event.status)).toEqual(Array(6).fill('pending'));
  const orderIds = good.map((body) => JSON.parse(body).data.order_id as string);
  expect((await requestsFor(orderIds)).map((request) => request.event_ids.length)).toEqual(Array(6).fill(1));
});

test('events of shops that are unknown or not connected, mixed in a batch, take the general path as before', async () => {
  const leader = orderEvent(newOrderId(), 'UNPAID', T);
  const good = [orderEvent(newOrderId(), 'AWAITING_SHIPMENT', T), orderEvent(newOrderId(), 'AWAITING_SHIPMENT', T)];
  const unknown = orderEvent(newOrderId(), 'AWAITING_SHIPMENT', T, { shop_id: '7399999999999999201' });
  const disconnected = orderEvent(newOrderId(), 'AWAITING_SHIPMENT', T, { shop_id: DISCONNECTED_SHOP_ID });

  const [, first, unknownResponse, second, disconnectedResponse] = answered(await receiveTogether([leader, good[0]!, unknown, good[1]!, disconnected]));

  expect([first, second].map((response) => verdictOf(response!))).toEqual(['orders_requested', 'orders_requested']);
  // What the general path answers: an unknown shop's event unmatched, a disconnected one's ignored.
  expect(unknownResponse).toEqual({ status: 200, outcome: 'unmatched', eventId: expect.any(String) });
  expect(disconnectedResponse).toMatchObject({ status: 200, outcome: 'accepted', applied: 'ignored' });
  const [unknownEvent] = await storedEvents([notificationOf(unknown)]);
  expect(unknownEvent).toMatchObject({ status: 'ignored', account_id: null, error: 'no connected shop has this shop_id' });
  const [disconnectedEvent] = await storedEvents([notificationOf(disconnected)]);
  expect(disconnectedEvent).toMatchObject({ status: 'ignored', account_id: accountId, error: 'shop is disconnected' });
  expect(await requestsFor([unknown, disconnected].map((body) => JSON.parse(body).data.order_id as string))).toEqual([]);
  expect(statementsThatStored(await storedEvents(good.map(notificationOf)))).toBe(1);
});

test('a batch leaves each shop its follow-ups once: the sync only if an event requested an order, and the last time TikTok was heard from', async () => {
  const input = (body: string) => {
    const json = app.parse.parseWebhookBody(body) as { shop_id: string; tts_notification_id: string };
    const parsed = app.parse.parseWebhookJson(json);
    if (!parsed.ok || parsed.event.topic !== 'ORDER_STATUS_CHANGE') throw new Error(`not an order status event: ${body}`);
    return { event: parsed.event, payload: json, tiktokShopId: json.shop_id, providerEventId: json.tts_notification_id, bodyBytes: Buffer.byteLength(body) };
  };
  const heldOrder = newOrderId();
  await storeOrder(heldOrder, 'AWAITING_COLLECTION', T);
  const shopEvents = [orderEvent(newOrderId(), 'UNPAID', T), orderEvent(newOrderId(), 'UNPAID', T), orderEvent(heldOrder, 'UNPAID', T)];
  // The other shop's events bring nothing newer than the order it holds: they request no sync.
  const otherShop = { shop_id: OTHER_SHOP_ID };
  const otherHeld = newOrderId();
  await app.db.systemDb().execute(sql`
    insert into public.orders (account_id, shop_id, tiktok_order_id, order_status, tiktok_update_time)
    select ${accountId}, s.id, ${otherHeld}, 'DELIVERED', ${T} from public.tiktok_shops s where s.shop_id = ${OTHER_SHOP_ID}`);
  const otherEvents = [orderEvent(otherHeld, 'UNPAID', T, otherShop), orderEvent(otherHeld, 'IN_TRANSIT', T, otherShop)];
  const leader = orderEvent(newOrderId(), 'UNPAID', T);

  const received = await Promise.all([leader, ...shopEvents, ...otherEvents].map((body) => app.receive.receiveOrderStatusChange(input(body))));

  const batch = received.slice(1);
  expect(batch.map((r) => r?.outcome)).toEqual(['orders_requested', 'orders_requested', 'stale', 'stale', 'stale']);
  // Shop: its sync and its "last heard", on its first event only; the other shop: only "last heard".
  expect(batch.map((r) => r?.afterCommit.length)).toEqual([2, 0, 0, 1, 0]);
  // The leader went alone, with its own follow-ups.
  expect(received[0]?.afterCommit).toHaveLength(2);
  for (const result of received) for (const step of result?.afterCommit ?? []) await step();
});

test('a batch held up by a row lock gives up after the lock timeout and its events go one by one: only the locked one waits', async () => {
  const { Client } = await import('pg');
  const { env } = await import('@/lib/env');
  const lockedOrder = newOrderId();
  answered(await receiveTogether([orderEvent(lockedOrder, 'UNPAID', T)]));
  // Another transaction holds the order's fetch request, as an ingestion settling it does.
  const holder = new Client({ connectionString: env.DATABASE_URL });
  await holder.connect();
  try {
    await holder.query('begin');
    await holder.query('select 1 from public.tiktok_order_sync_requests where tiktok_order_id = $1 for update', [lockedOrder]);
    const leader = orderEvent(newOrderId(), 'UNPAID', T);
    const free = Array.from({ length: 3 }, () => orderEvent(newOrderId(), 'AWAITING_SHIPMENT', T));
    const blocked = orderEvent(lockedOrder, 'AWAITING_SHIPMENT', T + 1);
    const answers = [leader, ...free, blocked].map((body) =>
      app.server.receiveTikTokWebhook({ rawBody: Buffer.from(body), authorization: computeWebhookSignature(APP_KEY, APP_SECRET, body), appKey: APP_KEY, appSecret: APP_SECRET }));
    const blockedAnswer = answers.at(-1)!;
    let blockedDone = false;
    void blockedAnswer.then(() => (blockedDone = true), () => (blockedDone = true));

    // While the lock is still held: the batch timed out and its free events were answered alone.
    const freeAnswers = await Promise.race([
      Promise.all(answers.slice(0, -1)),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the free events waited for the held lock')), 15_000)),
    ]);
    expect(freeAnswers.map(verdictOf)).toEqual(Array(4).fill('orders_requested'));
    expect(blockedDone).toBe(false);
    expect(await storedEvents([notificationOf(blocked)])).toHaveLength(0);

    await holder.query('rollback');
    expect(verdictOf(await blockedAnswer)).toBe('orders_requested');
    expect((await requestsFor([lockedOrder]))[0]!.event_ids).toHaveLength(2);
  } finally {
    await holder.end();
  }
});
