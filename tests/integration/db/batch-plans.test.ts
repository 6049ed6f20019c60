/**
 * The pipeline's batch statements must read the rows of their batch and no others, whatever the
 * planner's statistics say. The case that broke them: statistics taken while a shop's orders were
 * all delivered (autovacuum analyzes a quiet shop), then a viral burst. The planner, expecting no
 * order to be new, scanned the account's (account, status) index and filtered by id, and matched
 * order lines and shipments through the account's index: every row of the account, per order.
 *
 * Rows read are counted with the transaction's own table counters (pg_stat_get_xact_tuples_*), so
 * other tests writing the same tables do not count.
 */
import { randomUUID } from 'node:crypto';
import { sql, TransactionRollbackError } from 'drizzle-orm';
import { asSystem, closeDb, type Tx } from '@/lib/db';
import { applyTransitions } from '@/lib/orders/workflow/apply-transition';
import { loadOrderSnapshots } from '@/lib/orders/workflow/load-order-snapshot';
import { createTenant } from '@/tests/factories/tenants';
import { createOrder, createShop, createSku, type TestSku } from '../pipeline/support/commerce';

const HISTORY = 5_000;
const BATCH = 25;
let accountId: string;
let burst: string[];

beforeAll(async () => {
  ({ accountId } = await createTenant('Batch plans'));
  const { shopId } = await createShop(accountId);
  const sku: TestSku = await createSku(accountId, shopId, { onHand: 10_000 });
  await asSystem((tx) => tx.execute(sql`analyze public.orders, public.order_items, public.shipments`));
  // A shop's history, delivered: enough rows that reading them all is never the cheap plan.
  await asSystem((tx) => tx.execute(sql`
    with delivered as (
      insert into public.orders (account_id, shop_id, tiktok_order_id, order_status, workflow_status)
      select ${accountId}, ${shopId}, 'history-' || n, 'DELIVERED', 'completed' from generate_series(1, ${HISTORY}) n
      returning id
    ), lines as (
      insert into public.order_items (account_id, order_id, sku_id, tiktok_sku_id, tiktok_product_id, product_name, quantity)
      select ${accountId}, id, ${sku.skuId}, ${sku.tiktokSkuId}, ${sku.tiktokProductId}, 'Test product', 1 from delivered
    )
    insert into public.shipments (account_id, order_id, package_ref, carrier, status)
    select ${accountId}, id, 'ref-' || id, 'shippo', 'purchased' from delivered`));
  burst = [];
  for (let n = 0; n < BATCH; n += 1) burst.push(await createOrder(accountId, shopId, { lines: [{ sku, quantity: 1 }] }));
}, 60_000);

afterAll(async () => {
  await closeDb();
});

type Reads = Record<'orders' | 'order_items' | 'shipments', number>;

/** Rows the transaction has read from each table so far (sequential scans and index fetches). */
async function readsSoFar(tx: Tx): Promise<Reads> {
  const { rows } = await tx.execute<{ name: keyof Reads; n: number }>(sql`
    select name, (pg_stat_get_xact_tuples_returned(('public.' || name)::regclass) + pg_stat_get_xact_tuples_fetched(('public.' || name)::regclass))::int as n
    from unnest(array['orders', 'order_items', 'shipments']) as name`);
  return Object.fromEntries(rows.map((row) => [row.name, row.n])) as Reads;
}

async function readsOf(tx: Tx, work: () => Promise<unknown>): Promise<Reads> {
  const before = await readsSoFar(tx);
  await work();
  const after = await readsSoFar(tx);
  return Object.fromEntries(Object.entries(after).map(([name, n]) => [name, n - before[name as keyof Reads]])) as Reads;
}

const refs = () => burst.map((orderId) => ({ accountId, orderId }));

test('a batch of snapshots reads its own orders, lines and shipments, not the account\'s', async () => {
  await asSystem(async (tx) => {
    let loaded = 0;
    const reads = await readsOf(tx, async () => (loaded = (await loadOrderSnapshots(tx, refs())).length));
    expect(loaded).toBe(BATCH);
    // An order, a line and at most a shipment probe each; the account has 5,000 more of each.
    expect(reads.orders).toBeLessThanOrEqual(2 * BATCH);
    expect(reads.order_items).toBeLessThanOrEqual(2 * BATCH);
    expect(reads.shipments).toBeLessThanOrEqual(2 * BATCH);
  });
});

test('a batch transition locks and moves its own orders, not the account\'s', async () => {
  await asSystem(async (tx) => {
    const snapshots = await loadOrderSnapshots(tx, refs());
    const items = snapshots.map((snapshot) => ({ snapshot, request: { event: 'validate' as const, source: 'system' as const, reason: `test ${randomUUID()}` } }));
    let results: Awaited<ReturnType<typeof applyTransitions>> = [];
    const reads = await readsOf(tx, async () => (results = await applyTransitions(tx, items)));
    expect(results.map((result) => result.kind)).toEqual(Array(BATCH).fill('applied'));
    expect(reads.orders).toBeLessThanOrEqual(4 * BATCH);
    tx.rollback(); // leave the orders as they were: the test wanted only the reads
  }).catch((error: unknown) => {
    if (!(error instanceof TransactionRollbackError)) throw error;
  });
});
