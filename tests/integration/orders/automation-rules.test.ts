import { sql } from 'drizzle-orm';
import { asSystem, closeDb, tables } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { adjustStock, adjustStockSchema } from '@/lib/inventory';
import { automation } from '@/lib/orders';
import { stopQueueRuntime } from '@/lib/queue/runtime';
import { addMember, createTenant, type TestTenant } from '@/tests/factories/tenants';
import { createShop, createSku, purgeQueuedJobs, queuedJobs } from '../pipeline/support/commerce';

let owner: TestTenant;
let rival: TestTenant;
const as = (tenant: TestTenant, accountId = tenant.accountId, role: 'owner' | 'admin' | 'packer' | 'viewer' = 'owner') => ({
  accountId, userId: tenant.userId, role, claims: tenant.claims,
});
const errorCode = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: unknown) => (isAppError(error) ? error.code : String(error)));
const rule = automation.ruleBodySchema.parse({ name: 'Tag big orders', conditions: [{ field: 'order_value_cents', op: 'gte', value: 10_000 }], actions: [{ type: 'add_tag', tag: 'big' }] });

beforeAll(async () => {
  owner = await createTenant('Rules Owner');
  rival = await createTenant('Rules Rival');
});

afterAll(async () => {
  await purgeQueuedJobs();
  await stopQueueRuntime();
  await closeDb();
});

describe('automation rules', () => {
  test("another account cannot see, change or delete a rule; it is simply not found", async () => {
    const created = await automation.createAutomationRule(as(owner), rule);
    expect((await automation.listAutomationRules(as(owner))).map((r) => r.id)).toContain(created.id);
    expect(await automation.listAutomationRules(as(rival))).toEqual([]);
    expect(await errorCode(automation.updateAutomationRule(as(rival), created.id, { enabled: false }))).toBe('NOT_FOUND');
    expect(await errorCode(automation.deleteAutomationRule(as(rival), created.id))).toBe('NOT_FOUND');
    // Naming the owner's account without being a member: RLS hides the row.
    expect(await errorCode(automation.updateAutomationRule(as(rival, owner.accountId), created.id, { enabled: false }))).toBe('NOT_FOUND');
    expect((await automation.listAutomationRules(as(owner)))[0]).toMatchObject({ id: created.id, enabled: true });
  });

  test('a packer may read rules but not manage them', async () => {
    await addMember(owner.accountId, rival.userId, 'packer');
    const packer = as(rival, owner.accountId, 'packer');
    expect((await automation.listAutomationRules(packer)).length).toBeGreaterThan(0);
    expect(await errorCode(automation.createAutomationRule(packer, rule))).toBe('FORBIDDEN');
  });

  test('a stored rule that no longer parses is skipped by the workflow and shown disabled', async () => {
    await asSystem((tx) =>
      tx.insert(tables.automationRules).values({ accountId: owner.accountId, name: 'Broken', conditions: [{ field: 'color', op: 'in', values: ['red'] }], actions: [{ type: 'add_tag', tag: 'x' }] }),
    );
    const active = await asSystem((tx) => automation.loadActiveRules(tx, owner.accountId));
    expect(active.map((r) => r.name)).not.toContain('Broken');
    const listed = (await automation.listAutomationRules(as(owner))).find((r) => r.name === 'Broken');
    expect(listed).toMatchObject({ enabled: false, conditions: [], actions: [] });
  });
});

describe('stock adjustments', () => {
  test('counted changes go through the ledger and the TikTok push; going below what orders hold is refused', async () => {
    const { shopId } = await createShop(owner.accountId);
    const sku = await createSku(owner.accountId, shopId, { onHand: 5 });
    const level = await adjustStock(as(owner), adjustStockSchema.parse({ sku_id: sku.skuId, warehouse_id: 'wh-1', delta: 10, reason: 'delivery' }));
    expect(level).toMatchObject({ onHand: 15, reserved: 0, available: 15 });
    await asSystem((tx) => tx.execute(sql`update public.inventory_levels set reserved = 12 where sku_id = ${sku.skuId}`));
    expect(await errorCode(adjustStock(as(owner), adjustStockSchema.parse({ sku_id: sku.skuId, warehouse_id: 'wh-1', delta: -4, reason: 'damaged' })))).toBe('CONFLICT');
    const ledger = await asSystem((tx) => tx.execute<{ kind: string; on_hand_delta: number; on_hand_after: number; actor_id: string }>(sql`
      select kind, on_hand_delta, on_hand_after, actor_id from public.inventory_movements where sku_id = ${sku.skuId}`));
    expect(ledger.rows).toEqual([{ kind: 'adjust', on_hand_delta: 10, on_hand_after: 15, actor_id: owner.userId }]);
    expect(await queuedJobs('tiktok.push-inventory', { shopId })).not.toHaveLength(0);
    const audit = await asSystem((tx) => tx.select().from(tables.auditLog).where(sql`entity_id = ${sku.skuId} and action = 'inventory.adjust'`));
    expect(audit).toHaveLength(1);
  });

  test("another account's SKU is not found, and a viewer may not adjust", async () => {
    const { shopId } = await createShop(owner.accountId);
    const sku = await createSku(owner.accountId, shopId, { onHand: 5 });
    const body = adjustStockSchema.parse({ sku_id: sku.skuId, warehouse_id: 'wh-1', delta: 1, reason: 'found one' });
    const outsider = await createTenant('Outsider');
    expect(await errorCode(adjustStock(as(outsider), body))).toBe('NOT_FOUND');
    expect(await errorCode(adjustStock(as(outsider, owner.accountId), body))).toBe('NOT_FOUND');
    await addMember(owner.accountId, outsider.userId, 'viewer');
    expect(await errorCode(adjustStock(as(outsider, owner.accountId, 'viewer'), body))).toBe('FORBIDDEN');
  });
});
