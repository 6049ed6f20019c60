import { sql } from 'drizzle-orm';
import { asSystem, closeDb, tables } from '@/lib/db';
import { startWorkers } from '@/lib/queue/runtime';
import { catalogImported, ordersByTikTokId, placeOrders, purchasesPerPackage, startPipeline, type Pipeline } from './support/pipeline-harness';
import { queuedJobs } from './support/commerce';
import { waitFor } from './support/serve-routes';

/**
 * One order, all the way: a buyer pays in the TikTok Shop simulator → its signed webhook reaches
 * POST /api/webhooks/tiktok → ingestion → stock reserved → label bought from the sandbox carrier →
 * tracking pushed back to the simulator (Ship Package) → TikTok reports it shipped → the carrier's
 * "delivered" webhook reaches POST /api/webhooks/shippo → the order is completed. Every step is
 * proven by the order's history, the ledger and the simulators' own records.
 */
let pipeline: Pipeline;

beforeAll(async () => {
  pipeline = await startPipeline();
  await startWorkers();
  await catalogImported(pipeline);
});

afterAll(async () => {
  await pipeline?.close();
  await closeDb();
});

test('a TikTok order goes from webhook to delivered, with history rows for every step', async () => {
  const [tiktokOrderId] = await placeOrders(pipeline, { count: 1, quantity: 1 });
  expect(tiktokOrderId).toBeDefined();

  // Ingested from the webhook, stock reserved, label bought, tracking pushed (which ships it), and
  // TikTok's status change that follows the push ingested too.
  const shipped = await waitFor(async () => {
    const [order] = await ordersByTikTokId(pipeline, [tiktokOrderId!]);
    return order?.workflowStatus === 'shipped' && order.orderStatus === 'AWAITING_COLLECTION' ? order : null;
  }, 'the order to ship');
  const push = pipeline.sim.state.trackingPushes.find((entry) => entry.orderId === tiktokOrderId);
  expect(push).toMatchObject({ kind: 'ship', trackingNumber: shipped.trackingNumber, packageId: shipped.packageId });
  expect(pipeline.sim.state.orders.get(tiktokOrderId!)?.status).toBe('AWAITING_COLLECTION');
  expect(shipped.trackingPushedAt).not.toBeNull();

  // The carrier's scans arrive as the sandbox's virtual clock runs; "delivered" completes the order.
  pipeline.carrier.advanceClock(10 * 86_400);
  const completed = await waitFor(async () => {
    const [order] = await ordersByTikTokId(pipeline, [tiktokOrderId!]);
    return order?.workflowStatus === 'completed' ? order : null;
  }, 'the order to complete');
  expect(completed.deliveredAt).not.toBeNull();

  const history = await asSystem((tx) =>
    tx.select().from(tables.orderStatusHistory).where(sql`order_id = ${completed.id}`).orderBy(tables.orderStatusHistory.createdAt),
  );
  const workflow = history.filter((row) => row.toWorkflowStatus !== null).map((row) => [row.fromWorkflowStatus, row.toWorkflowStatus, row.source]);
  expect(workflow).toEqual([
    ['new', 'validated', 'system'],
    ['validated', 'inventory_reserved', 'system'],
    ['inventory_reserved', 'ready_to_ship', 'system'],
    ['ready_to_ship', 'shipped', 'tiktok_shop'],
    ['shipped', 'completed', 'carrier'],
  ]);
  const tiktokStatuses = history.filter((row) => row.toOrderStatus !== null).map((row) => row.toOrderStatus);
  expect(tiktokStatuses).toEqual(expect.arrayContaining(['AWAITING_SHIPMENT', 'AWAITING_COLLECTION']));
  expect(history.filter((row) => row.toOrderStatus !== null).every((row) => row.source === 'tiktok_shop')).toBe(true);

  const ledger = await asSystem((tx) => tx.execute<{ kind: string }>(sql`select kind from public.inventory_movements where order_id = ${completed.id} order by created_at`));
  expect(ledger.rows.map((row) => row.kind)).toEqual(['reserve', 'ship']);
  expect(await purchasesPerPackage(pipeline, [completed.id])).toEqual([1]);
  const [document] = await asSystem((tx) =>
    tx.execute<{ n: number }>(sql`select count(*)::int as n from public.label_documents d join public.shipments s on s.id = d.shipment_id where s.order_id = ${completed.id}`),
  ).then((result) => result.rows);
  expect(document!.n).toBe(1);
  const emails = await asSystem((tx) =>
    tx.execute<{ key: string }>(sql`select data->>'idempotencyKey' as key from pgboss.job where name = 'email.send-email' and data->>'idempotencyKey' like ${`%:${completed.id}`}`),
  );
  expect(emails.rows.map((row) => row.key).sort()).toEqual([`order-delivered:${completed.id}`, `order-shipped:${completed.id}`]);
  expect(await queuedJobs('tiktok.push-inventory', { shopId: pipeline.shop.id })).not.toHaveLength(0);
});
