import { sql } from 'drizzle-orm';
import { setEnv } from './harness';

/**
 * TikTok's official webhook example (spec §9.1, vector W1): with the app configured as app key
 * `abcdef` and secret `123`, the documented body and Authorization value are accepted, and the same
 * body with one byte changed is refused with 401 and leaves nothing behind. lib/env is read at first
 * import, so the app is configured before any app module loads.
 */
const W1_BODY =
  '{"type":1,"tts_notification_id":"7380066284010030890","shop_id":"7495540735365777507","timestamp":1718305585,"data":{"is_on_hold_order":true,"order_id":"576653688135258178","order_status":"UNPAID","update_time":1718305585}}';
const W1_SIGNATURE = '5dec0f11ec2f6783b8deee53c9ffbf8d024302f7c7e7fa55a35d17629031ac05';

let restoreEnv: () => void;
let app: {
  route: typeof import('@/app/api/webhooks/tiktok/route');
  db: typeof import('@/lib/db');
  runtime: typeof import('@/lib/queue/runtime');
};

beforeAll(async () => {
  restoreEnv = setEnv({ TIKTOK_APP_KEY: 'abcdef', TIKTOK_APP_SECRET: '123' });
  app = {
    route: await import('@/app/api/webhooks/tiktok/route'),
    db: await import('@/lib/db'),
    runtime: await import('@/lib/queue/runtime'),
  };
  await app.db.asSystem((tx) =>
    tx.execute(sql`delete from public.webhook_events where provider = 'tiktok' and provider_event_id = '7380066284010030890'`),
  );
});

afterAll(async () => {
  await app?.runtime.stopQueueRuntime();
  await app?.db.closeDb();
  restoreEnv?.();
});

const post = (body: string, authorization: string) =>
  app.route.POST(
    new Request('http://localhost/api/webhooks/tiktok', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body,
    }),
  );

const stored = async () =>
  (
    await app.db.asSystem((tx) =>
      tx.execute<{ event_type: string; external_ref: string }>(
        sql`select event_type, external_ref from public.webhook_events where provider = 'tiktok' and provider_event_id = '7380066284010030890'`,
      ),
    )
  ).rows;

test('one changed byte of the official example is refused with 401 and stores nothing', async () => {
  const tampered = W1_BODY.replace('"UNPAID"', '"UNPAIE"');
  expect(tampered).toHaveLength(W1_BODY.length);
  const response = await post(tampered, W1_SIGNATURE);
  expect(response.status).toBe(401);
  expect(await stored()).toEqual([]);
});

test('the official example (W1) is accepted with 200 and stored', async () => {
  const response = await post(W1_BODY, W1_SIGNATURE);
  expect(response.status).toBe(200);
  expect(await stored()).toEqual([{ event_type: 'ORDER_STATUS_CHANGE', external_ref: '7495540735365777507' }]);
});
