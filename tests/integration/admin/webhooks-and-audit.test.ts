import { sql } from 'drizzle-orm';
import {
  auditLogQuerySchema,
  recordOpsAction,
  unsafeDescribeCircuits,
  unsafeGetWebhookStats,
  unsafeListAuditLog,
  unsafeListWebhookEvents,
  webhookLogQuerySchema,
} from '@/lib/admin';
import { asSystem, closeDb } from '@/lib/db';
import { createAuditEntry, createShop, createWebhookEvent } from '@/tests/factories/commerce';
import { createTenant, type TestTenant } from '@/tests/factories/tenants';

/** The admin webhook log and its stats, the audit log across tenants, and breaker descriptions. */
let acme: TestTenant;
let bravo: TestTenant;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

beforeAll(async () => {
  // Other suites in this worker's database may have stored events: start from a clean log.
  await asSystem((tx) => tx.execute(sql`delete from public.webhook_events`));
  acme = await createTenant('Acme');
  bravo = await createTenant('Bravo');
  await createWebhookEvent(acme.accountId, {
    provider: 'tiktok',
    processingMs: 10,
    receivedAt: minutesAgo(5),
  });
  await createWebhookEvent(acme.accountId, {
    provider: 'tiktok',
    processingMs: 30,
    receivedAt: minutesAgo(4),
  });
  await createWebhookEvent(bravo.accountId, {
    provider: 'tiktok',
    status: 'failed',
    error: 'order not found',
    processingMs: 50,
    receivedAt: minutesAgo(3),
  });
  await createWebhookEvent(null, {
    provider: 'tiktok',
    status: 'ignored',
    eventType: 'UNKNOWN_TYPE',
    processingMs: 2,
    receivedAt: minutesAgo(2),
  });
  await createWebhookEvent(acme.accountId, {
    provider: 'shippo',
    eventType: 'track_updated',
    status: 'pending',
    processingMs: null,
    processedAt: null,
    receivedAt: minutesAgo(1),
  });
  await createWebhookEvent(acme.accountId, {
    provider: 'shippo',
    eventType: 'track_updated',
    processingMs: 8,
    receivedAt: minutesAgo(60 * 30),
  });
  await createAuditEntry(acme.accountId, {
    action: 'order.status_changed',
    entityId: 'o-1',
    createdAt: minutesAgo(10),
  });
  await createAuditEntry(bravo.accountId, {
    action: 'inventory.adjust',
    entityType: 'sku',
    createdAt: minutesAgo(5),
  });
});

afterAll(() => closeDb());

test('webhook stats per provider over 24 h: counts, success rate, average and p95 processing time', async () => {
  const stats = await unsafeGetWebhookStats(24);
  expect(stats).toEqual([
    {
      provider: 'shippo',
      total: 1,
      processed: 0,
      ignored: 0,
      failed: 0,
      pending: 1,
      success_rate: null,
      average_ms: null,
      p95_ms: null,
    },
    {
      provider: 'tiktok',
      total: 4,
      processed: 2,
      ignored: 1,
      failed: 1,
      pending: 0,
      success_rate: 0.75,
      average_ms: 23,
      p95_ms: expect.closeTo(47, 0),
    },
  ]);
});

test('the webhook log spans tenants (and unmatched events), newest first, with filters', async () => {
  const all = await unsafeListWebhookEvents(webhookLogQuerySchema.parse({}));
  expect(all.total).toBe(6);
  expect(all.events[0]).toMatchObject({
    provider: 'shippo',
    status: 'pending',
    account_name: expect.stringContaining('Acme'),
  });
  expect(all.events.find((event) => event.event_type === 'UNKNOWN_TYPE')).toMatchObject({
    account_id: null,
    account_name: null,
  });

  const failed = await unsafeListWebhookEvents(
    webhookLogQuerySchema.parse({ provider: 'tiktok', status: 'failed' }),
  );
  expect(failed.events.map((event) => [event.error, event.account_name])).toEqual([
    ['order not found', expect.stringContaining('Bravo')],
  ]);
  // Unknown filter values are ignored rather than failing the page.
  expect(
    (await unsafeListWebhookEvents(webhookLogQuerySchema.parse({ provider: 'fax', page: 'x' }))).total,
  ).toBe(6);
});

test('the audit log spans tenants, filters by account and action prefix; ops actions land in it', async () => {
  await recordOpsAction({
    accountId: acme.accountId,
    actorId: bravo.userId,
    action: 'admin.job_retried',
    entityType: 'job',
    entityId: 'job-1',
    data: { queue: 'orders.advance-order' },
  });
  await recordOpsAction({
    accountId: 'not-a-tenant',
    actorId: bravo.userId,
    action: 'admin.job_retried',
    entityType: 'job',
    entityId: 'job-2',
  });

  const acmeOnly = await unsafeListAuditLog(auditLogQuerySchema.parse({ account_id: acme.accountId }));
  expect(acmeOnly.entries.map((entry) => entry.action)).toEqual([
    'admin.job_retried',
    'order.status_changed',
  ]);
  expect(acmeOnly.entries[0]).toMatchObject({
    actor_email: bravo.email,
    data: { queue: 'orders.advance-order', by: 'platform_ops' },
  });
  const adjustments = await unsafeListAuditLog(auditLogQuerySchema.parse({ action: 'inventory.' }));
  // Other suites sharing this worker's database leave their own tenants' entries: look at ours.
  const ours = adjustments.entries.filter((entry) => [acme.accountId, bravo.accountId].includes(entry.account_id));
  expect(ours.map((entry) => entry.account_name)).toEqual([expect.stringContaining('Bravo')]);
  expect((await unsafeListAuditLog(auditLogQuerySchema.parse({ action: '%' }))).total).toBe(0);
});

test('circuit breakers are described with their shop and tenant, open ones first', async () => {
  const shop = await createShop(acme.accountId, { name: 'Glow Shop' });
  const rows = await unsafeDescribeCircuits({ 'shop-nobody-knows': 'closed', [shop.shopId]: 'open' });
  expect(rows).toEqual([
    {
      shop_key: shop.shopId,
      state: 'open',
      shop_name: 'Glow Shop',
      account_name: expect.stringContaining('Acme'),
    },
    { shop_key: 'shop-nobody-knows', state: 'closed', shop_name: null, account_name: null },
  ]);
  expect(await unsafeDescribeCircuits({})).toEqual([]);
});
