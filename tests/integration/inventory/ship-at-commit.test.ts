import { sql } from 'drizzle-orm';
import { asSystem, closeDb, type Tx } from '@/lib/db';
import { reserveOrdersStock, shipOrdersStock } from '@/lib/inventory';
import { createTenant } from '@/tests/factories/tenants';
import { createOrder, createShop, createSku, type TestSku } from '../pipeline/support/commerce';

/**
 * Shipping writes a ledger line; the stock row changes inside COMMIT (deferred trigger
 * private.apply_ship_movement), so a viral SKU's row is not held for the rest of the transaction.
 */
let accountId: string;
let shopId: string;

beforeAll(async () => {
  ({ accountId } = await createTenant('Ship at commit'));
  ({ shopId } = await createShop(accountId));
});

afterAll(() => closeDb());

type Level = { on_hand: number; reserved: number };
const levelOf = async (sku: TestSku) =>
  (await asSystem((tx) => tx.execute<Level>(sql`select on_hand, reserved from public.inventory_levels where sku_id = ${sku.skuId}`))).rows[0]!;

/** One order's shipped lines (shipOrdersStock with a list of one). */
const shipOrderStock = async (tx: Tx, input: { accountId: string; orderId: string; reason: string }) =>
  (await shipOrdersStock(tx, [input], input)).get(input.orderId);

async function reservedOrder(sku: TestSku, quantity: number): Promise<string> {
  const orderId = await createOrder(accountId, shopId, { lines: [{ sku, quantity }] });
  const [reserved] = await asSystem((tx) => reserveOrdersStock(tx, [{ accountId, orderId, lines: [{ skuId: sku.skuId, quantity }] }]));
  expect(reserved!.ok).toBe(true);
  return orderId;
}

test('the level changes when the transaction commits, and the ledger line carries the numbers after it', async () => {
  const sku = await createSku(accountId, shopId, { onHand: 10 });
  const orderId = await reservedOrder(sku, 3);
  const seenInside = await asSystem(async (tx) => {
    const shipped = await shipOrderStock(tx, { accountId, orderId, reason: 'order shipped' });
    expect(shipped).toEqual([{ skuId: sku.skuId, warehouseId: expect.any(String), units: 3 }]);
    return (await tx.execute<Level>(sql`select on_hand, reserved from public.inventory_levels where sku_id = ${sku.skuId}`)).rows[0];
  });
  expect(seenInside).toEqual({ on_hand: 10, reserved: 3 });
  expect(await levelOf(sku)).toEqual({ on_hand: 7, reserved: 0 });
  const ledger = await asSystem((tx) => tx.execute<{ kind: string; on_hand_delta: number; reserved_delta: number; on_hand_after: number; reserved_after: number }>(sql`
    select kind, on_hand_delta, reserved_delta, on_hand_after, reserved_after from public.inventory_movements where order_id = ${orderId} order by created_at, kind desc`));
  expect(ledger.rows).toEqual([
    { kind: 'reserve', on_hand_delta: 0, reserved_delta: 3, on_hand_after: 10, reserved_after: 3 },
    { kind: 'ship', on_hand_delta: -3, reserved_delta: -3, on_hand_after: 7, reserved_after: 0 },
  ]);
  // Shipping again finds nothing held.
  expect(await asSystem((tx) => shipOrderStock(tx, { accountId, orderId, reason: 'again' }))).toEqual([]);
  expect(await levelOf(sku)).toEqual({ on_hand: 7, reserved: 0 });
});

test('a level that no longer holds the units fails the commit, and nothing of the transaction stays', async () => {
  const sku = await createSku(accountId, shopId, { onHand: 5 });
  const orderId = await reservedOrder(sku, 2);
  // Someone edits the level behind the ledger's back.
  await asSystem((tx) => tx.execute(sql`update public.inventory_levels set reserved = 0 where sku_id = ${sku.skuId}`));
  await expect(
    asSystem(async (tx) => {
      await tx.execute(sql`update public.orders set last_error = 'written with the shipment' where id = ${orderId}`);
      await shipOrderStock(tx, { accountId, orderId, reason: 'order shipped' });
    }),
  ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/does not hold 2 reserved units/) } });
  expect(await levelOf(sku)).toEqual({ on_hand: 5, reserved: 0 });
  const rows = await asSystem((tx) => tx.execute<{ ships: number; last_error: string | null }>(sql`
    select (select count(*)::int from public.inventory_movements where order_id = ${orderId} and kind = 'ship') as ships,
      (select last_error from public.orders where id = ${orderId}) as last_error`));
  expect(rows.rows[0]).toEqual({ ships: 0, last_error: null });
});

test('many orders of one SKU shipped at once leave the level and the ledger in agreement', async () => {
  const sku = await createSku(accountId, shopId, { onHand: 40 });
  const orders: string[] = [];
  for (let n = 0; n < 30; n += 1) orders.push(await reservedOrder(sku, 1));
  await Promise.all(orders.map((orderId) => asSystem((tx) => shipOrderStock(tx, { accountId, orderId, reason: 'order shipped' }))));
  expect(await levelOf(sku)).toEqual({ on_hand: 10, reserved: 0 });
  const ships = await asSystem((tx) => tx.execute<{ on_hand_after: number }>(sql`
    select on_hand_after from public.inventory_movements where sku_id = ${sku.skuId} and kind = 'ship' order by on_hand_after desc`));
  // Applied one commit at a time: each line saw a distinct level, 39 down to 10.
  expect(ships.rows.map((row) => row.on_hand_after)).toEqual(Array.from({ length: 30 }, (_, i) => 39 - i));
});

test('one statement ships a batch of orders over two SKUs: each order gets its own lines, an order holding nothing none', async () => {
  const [a, b] = [await createSku(accountId, shopId, { onHand: 20 }), await createSku(accountId, shopId, { onHand: 20 })];
  const first = await createOrder(accountId, shopId, { lines: [{ sku: a, quantity: 2 }, { sku: b, quantity: 1 }] });
  expect((await asSystem((tx) => reserveOrdersStock(tx, [{ accountId, orderId: first, lines: [{ skuId: a.skuId, quantity: 2 }, { skuId: b.skuId, quantity: 1 }] }])))[0]!.ok).toBe(true);
  const second = await reservedOrder(a, 3);
  const unreserved = await createOrder(accountId, shopId, { lines: [{ sku: b, quantity: 4 }] });
  const shipped = await asSystem((tx) => shipOrdersStock(tx, [first, second, unreserved].map((orderId) => ({ accountId, orderId })), { reason: 'order shipped' }));
  const sorted = (lines: { skuId: string; units: number }[] | undefined) => (lines ?? []).map(({ skuId, units }) => ({ skuId, units })).sort((x, y) => x.skuId.localeCompare(y.skuId));
  expect(sorted(shipped.get(first))).toEqual(sorted([{ skuId: a.skuId, units: 2 }, { skuId: b.skuId, units: 1 }]));
  expect(sorted(shipped.get(second))).toEqual([{ skuId: a.skuId, units: 3 }]);
  expect(shipped.get(unreserved)).toEqual([]);
  expect(await levelOf(a)).toEqual({ on_hand: 15, reserved: 0 });
  expect(await levelOf(b)).toEqual({ on_hand: 19, reserved: 0 });
});

type Line = { sku_id: string; on_hand_after: number; reserved_after: number };
const shipLinesOf = async (orderIds: string[]) =>
  (
    await asSystem((tx) => tx.execute<Line & { order_id: string }>(sql`
      select order_id, sku_id, on_hand_after, reserved_after from public.inventory_movements
      where kind = 'ship' and order_id = any(${`{${orderIds.join(',')}}`}::uuid[])`))
  ).rows;

test('a transaction that ships in several statements changes each level once, and its lines count down in the order written', async () => {
  const [a, b] = [await createSku(accountId, shopId, { onHand: 30 }), await createSku(accountId, shopId, { onHand: 30 })];
  const first = [await reservedOrder(a, 2), await reservedOrder(b, 1), await reservedOrder(a, 3)];
  const second = [await reservedOrder(a, 4), await reservedOrder(b, 5)];
  const levelUpdates = await asSystem(async (tx) => {
    const updatesSoFar = async () =>
      (await tx.execute<{ n: number }>(sql`select pg_stat_get_xact_tuples_updated('public.inventory_levels'::regclass)::int as n`)).rows[0]!.n;
    await shipOrdersStock(tx, first.map((orderId) => ({ accountId, orderId })), { reason: 'first batch' });
    await shipOrdersStock(tx, second.map((orderId) => ({ accountId, orderId })), { reason: 'second batch' });
    const before = await updatesSoFar();
    // Fires the deferred triggers now, as COMMIT would.
    await tx.execute(sql`set constraints all immediate`);
    return (await updatesSoFar()) - before;
  });
  expect(levelUpdates).toBe(2);
  expect(await levelOf(a)).toEqual({ on_hand: 21, reserved: 0 });
  expect(await levelOf(b)).toEqual({ on_hand: 24, reserved: 0 });
  // A statement writes its lines in order id order; per SKU, each line holds the level after it.
  const byOrder = new Map((await shipLinesOf([...first, ...second])).map((line) => [line.order_id, [line.on_hand_after, line.reserved_after]]));
  const [a1, a2] = [first[0]!, first[2]!].sort();
  const units = new Map([[first[0]!, 2], [first[2]!, 3]]);
  expect([a1, a2, second[0]].map((id) => byOrder.get(id!))).toEqual([
    [30 - units.get(a1!)!, 9 - units.get(a1!)!], [25, 4], [21, 0],
  ]);
  expect([first[1], second[1]].map((id) => byOrder.get(id!))).toEqual([[29, 5], [24, 0]]);
});

test('a ship line written by plain SQL is applied too, and one rolled back to a savepoint is not', async () => {
  const sku = await createSku(accountId, shopId, { onHand: 12 });
  const [kept, undone] = [await reservedOrder(sku, 2), await reservedOrder(sku, 5)];
  await asSystem(async (tx) => {
    await tx.execute(sql`
      insert into public.inventory_movements (account_id, sku_id, warehouse_id, order_id, kind, on_hand_delta, reserved_delta, on_hand_after, reserved_after, reason)
      select account_id, sku_id, warehouse_id, ${kept}::uuid, 'ship', -2, -2, 0, 0, 'by hand' from public.inventory_levels where sku_id = ${sku.skuId}`);
    await tx
      .transaction(async (savepoint) => {
        await shipOrderStock(savepoint, { accountId, orderId: undone, reason: 'undone' });
        throw new Error('roll back to the savepoint');
      })
      .catch(() => undefined);
  });
  expect(await levelOf(sku)).toEqual({ on_hand: 10, reserved: 5 });
  expect(await shipLinesOf([kept, undone])).toEqual([{ order_id: kept, sku_id: sku.skuId, on_hand_after: 10, reserved_after: 5 }]);
});
