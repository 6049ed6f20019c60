import { sql } from 'drizzle-orm';
import { asSystem, closeDb, getDb, withRls } from '@/lib/db';
import { env } from '@/lib/env';
import { ChangeHub, createChangeStream, type HubMessage } from '@/lib/realtime';
import { createCatalogItem, createOrder, setInventoryLevel } from '@/tests/factories/commerce';
import { createTenant, type TestTenant } from '@/tests/factories/tenants';

/**
 * The live-update path end to end on a real Postgres: statement-level triggers NOTIFY, one LISTEN
 * connection fans out per account, the SSE stream batches, and a dropped connection ends in
 * `resync`. Waits are bounded polls on a condition, never timed assertions.
 */
async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const changes = (messages: HubMessage[]) =>
  messages.flatMap((message) => (message.type === 'change' ? [message.change] : []));

let acme: TestTenant;
let bravo: TestTenant;
let hub: ChangeHub;
const acmeOrders: string[] = [];
let bravoOrder: string;
let acmeSkuId: string;

beforeAll(async () => {
  acme = await createTenant('Acme');
  bravo = await createTenant('Bravo');
  const catalog = await createCatalogItem(acme.accountId, { onHand: 10 });
  acmeSkuId = catalog.sku.id;
  for (let i = 0; i < 3; i += 1)
    acmeOrders.push((await createOrder(acme.accountId, { shopId: catalog.shop.id })).id);
  const rival = await createCatalogItem(bravo.accountId);
  bravoOrder = (await createOrder(bravo.accountId, { shopId: rival.shop.id })).id;
  hub = new ChangeHub({
    connectionString: env.DATABASE_URL,
    idleCloseMs: 10,
    minRetryMs: 20,
    flushIntervalMs: 20,
  });
});

afterAll(async () => {
  await hub.close();
  await closeDb();
});

test('while no hub is listening anywhere, the triggers write nothing to the outbox', async () => {
  const outboxSize = async () =>
    (
      await asSystem((tx) =>
        tx.execute<{ n: number }>(sql`select count(*)::int as n from private.change_outbox`),
      )
    ).rows[0]!.n;
  await asSystem((tx) => tx.execute(sql`delete from private.change_listeners`));
  await asSystem((tx) => tx.execute(sql`delete from private.change_outbox`));
  await asSystem((tx) =>
    tx.execute(sql`update public.orders set tags = '{quiet}' where id = ${acmeOrders[0]}`),
  );
  expect(await outboxSize()).toBe(0);

  await asSystem((tx) => tx.execute(sql`insert into private.change_listeners values ('test', now())`));
  await asSystem((tx) =>
    tx.execute(sql`update public.orders set tags = '{watched}' where id = ${acmeOrders[0]}`),
  );
  expect(await outboxSize()).toBe(1);
  await asSystem((tx) =>
    tx.execute(sql`delete from private.change_listeners; delete from private.change_outbox`),
  );
});

test('a change to an order reaches its owner’s subscriber and no other tenant’s', async () => {
  const acmeHeard: HubMessage[] = [];
  const bravoHeard: HubMessage[] = [];
  const stopAcme = hub.subscribe([acme.accountId], (message) => acmeHeard.push(message));
  const stopBravo = hub.subscribe([bravo.accountId], (message) => bravoHeard.push(message));
  await hub.ready();

  // Changed as the tenant's own user, through RLS, the way a manual status change happens.
  await withRls(acme.claims, (tx) =>
    tx.execute(sql`update public.orders set tags = '{checked}' where id = ${acmeOrders[0]}`),
  );
  await waitFor(() => changes(acmeHeard).length > 0, 'the owner’s event');
  expect(changes(acmeHeard)).toEqual([
    { account_id: acme.accountId, table: 'orders', id: acmeOrders[0], count: 1 },
  ]);

  // Notifications arrive in commit order on one connection: once Bravo hears its own later change,
  // anything of Acme's meant for Bravo would already be there.
  await asSystem((tx) => tx.execute(sql`update public.orders set tags = '{x}' where id = ${bravoOrder}`));
  await waitFor(() => changes(bravoHeard).length > 0, 'the other tenant’s own event');
  expect(changes(bravoHeard).map((change) => change.account_id)).toEqual([bravo.accountId]);
  expect(changes(acmeHeard).map((change) => change.account_id)).toEqual([acme.accountId]);
  stopAcme();
  stopBravo();
});

test('a multi-row statement sends one tiny notification; a rolled-back one sends none', async () => {
  const heard: HubMessage[] = [];
  const stop = hub.subscribe([acme.accountId], (message) => heard.push(message));
  await hub.ready();

  await getDb()
    .transaction(async (tx) => {
      await tx.execute(sql`update public.orders set tags = '{lost}' where account_id = ${acme.accountId}`);
      throw new Error('roll back');
    })
    .catch(() => undefined);
  await asSystem((tx) =>
    tx.execute(
      sql`update public.orders set tags = '{bulk}' where id = any(${sql.param(acmeOrders)}::uuid[])`,
    ),
  );
  await setInventoryLevel(acme.accountId, acmeSkuId, { onHand: 7 });

  await waitFor(() => changes(heard).length >= 2, 'the bulk update and the stock change');
  expect(changes(heard)).toEqual([
    { account_id: acme.accountId, table: 'orders', id: null, count: 3 },
    expect.objectContaining({ account_id: acme.accountId, table: 'inventory_levels', count: 1 }),
  ]);
  stop();
});

test('a burst of single-order commits arrives complete: no change lost, none doubled', async () => {
  const heard: HubMessage[] = [];
  const stop = hub.subscribe([acme.accountId], (message) => heard.push(message));
  await hub.ready();
  const before = changes(heard).length;
  for (let i = 0; i < 60; i += 1) {
    await asSystem((tx) =>
      tx.execute(
        sql`update public.orders set tags = ${sql.param([`burst-${i}`])}::text[] where id = ${acmeOrders[i % 3]}`,
      ),
    );
  }
  const total = () =>
    changes(heard)
      .slice(before)
      .reduce((sum, change) => sum + change.count, 0);
  await waitFor(() => total() >= 60, 'all 60 changes');
  expect(total()).toBe(60);
  // Three distinct orders: each notification names its order (no more than 25 rows changed per flush).
  expect(
    new Set(
      changes(heard)
        .slice(before)
        .map((change) => change.id),
    ),
  ).toEqual(new Set(acmeOrders));
  stop();
});

test('the SSE stream batches changes, and unsubscribes when the request aborts', async () => {
  const abort = new AbortController();
  const before = hub.subscriberCount;
  const stream = createChangeStream({
    subscribe: (ids, listener) => hub.subscribe(ids, listener),
    accountIds: [acme.accountId],
    signal: abort.signal,
    flushMs: 50,
  });
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const readUntil = async (needle: string) => {
    while (!text.includes(needle)) {
      const chunk = await reader.read();
      if (chunk.done) throw new Error(`stream ended before ${needle}`);
      text += decoder.decode(chunk.value);
    }
  };
  await readUntil('event: ready');
  expect(hub.subscriberCount).toBe(before + 1);
  await hub.ready();

  await asSystem(async (tx) => {
    await tx.execute(sql`update public.orders set tags = '{a}' where id = ${acmeOrders[1]}`);
  });
  await asSystem((tx) => tx.execute(sql`update public.orders set tags = '{b}' where id = ${acmeOrders[2]}`));
  await readUntil(acmeOrders[2]!);
  const frames = text.split('\n\n').filter((frame) => frame.startsWith('event: changes'));
  const payload = frames
    .map((frame) => JSON.parse(frame.split('data: ')[1]!))
    .flatMap((event) => event.changes);
  expect(payload.flatMap((change: { ids: string[] }) => change.ids)).toEqual(
    expect.arrayContaining([acmeOrders[1], acmeOrders[2]]),
  );
  expect(text).toMatch(/^retry: 3000\n\n/);

  abort.abort();
  expect(hub.subscriberCount).toBe(before);
  expect((await reader.read()).done).toBe(true);
});

test('after the LISTEN connection drops, the hub reconnects and tells subscribers to resync', async () => {
  const heard: HubMessage[] = [];
  const stop = hub.subscribe([acme.accountId], (message) => heard.push(message));
  await hub.ready();
  await asSystem((tx) =>
    tx.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'creatorflow-realtime'`,
    ),
  );
  await waitFor(() => heard.some((message) => message.type === 'resync'), 'resync after reconnect');

  await asSystem((tx) =>
    tx.execute(sql`update public.orders set tags = '{again}' where id = ${acmeOrders[0]}`),
  );
  await waitFor(
    () => changes(heard).some((change) => change.id === acmeOrders[0]),
    'changes after reconnect',
  );
  stop();
});
