import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '@/lib/db';
import { asSystem } from '@/lib/db';
import {
  createAlert,
  createCatalogItem,
  createLabelDocument,
  createOrder,
  createProduct,
  createShipment,
  createShop,
  createSku,
  createStatusHistory,
  createTrackingEvent,
  createWebhookEvent,
  setInventoryLevel,
} from './commerce';

/**
 * One row factory per tenant table (every public table with an account_id column). The RLS suite
 * checks that this map covers the whole catalog, so a new tenant table without a factory fails CI
 * until someone proves its isolation here.
 */
export type RowFactory = (tx: Tx, accountId: string) => Promise<SQL>;

async function insertReturningId(tx: Tx, statement: SQL): Promise<SQL> {
  const result = await tx.execute<{ id: string }>(statement);
  return sql`id = ${result.rows[0]!.id}`;
}

export const tenantRowFactories: Record<string, RowFactory> = {
  // The commerce core (20261123001000_commerce_core.sql). Parents are created through the system
  // path; only the row under test is written in the given transaction.
  tiktok_shops: async (tx, accountId) => sql`id = ${(await createShop(accountId, {}, { tx })).id}`,
  products: async (tx, accountId) => {
    const shop = await createShop(accountId);
    return sql`id = ${(await createProduct(accountId, shop.id, {}, { tx })).id}`;
  },
  skus: async (tx, accountId) => {
    const product = await createProduct(accountId, (await createShop(accountId)).id);
    return sql`id = ${(await createSku(accountId, product, {}, { tx })).id}`;
  },
  inventory_levels: async (tx, accountId) => {
    const { sku } = await createCatalogItem(accountId);
    return sql`id = ${(await setInventoryLevel(accountId, sku.id, { onHand: 5 }, { tx })).id}`;
  },
  inventory_movements: async (tx, accountId) => {
    const { sku } = await createCatalogItem(accountId);
    return insertReturningId(
      tx,
      sql`insert into public.inventory_movements (account_id, sku_id, warehouse_id, kind, on_hand_delta, on_hand_after, reserved_after)
          values (${accountId}, ${sku.id}, 'WH-1', 'adjust', 5, 5, 0) returning id`,
    );
  },
  orders: async (tx, accountId) => {
    const shop = await createShop(accountId);
    return sql`id = ${(await createOrder(accountId, { shopId: shop.id, orderStatus: 'AWAITING_SHIPMENT' }, { tx })).id}`;
  },
  order_items: async (tx, accountId) => {
    const { shop, sku } = await createCatalogItem(accountId);
    const order = await createOrder(accountId, { shopId: shop.id, orderStatus: 'AWAITING_SHIPMENT' });
    return insertReturningId(
      tx,
      sql`insert into public.order_items (account_id, order_id, sku_id, tiktok_sku_id, tiktok_product_id, product_name, quantity)
          values (${accountId}, ${order.id}, ${sku.id}, ${sku.tiktokSkuId}, 'prod', 'Glow Serum', 1) returning id`,
    );
  },
  order_status_history: async (tx, accountId) => {
    const order = await createOrder(accountId, { shopId: (await createShop(accountId)).id, orderStatus: 'AWAITING_SHIPMENT' });
    return sql`id = ${(await createStatusHistory(accountId, order.id, {}, { tx })).id}`;
  },
  automation_rules: (tx, accountId) =>
    insertReturningId(tx, sql`insert into public.automation_rules (account_id, name) values (${accountId}, 'Rule') returning id`),
  shipments: async (tx, accountId) => {
    const order = await createOrder(accountId, { shopId: (await createShop(accountId)).id, orderStatus: 'AWAITING_SHIPMENT' });
    return sql`id = ${(await createShipment(accountId, order.id, {}, { tx })).id}`;
  },
  label_purchase_attempts: async (tx, accountId) => {
    const order = await createOrder(accountId, { shopId: (await createShop(accountId)).id, orderStatus: 'AWAITING_SHIPMENT' });
    const shipment = await createShipment(accountId, order.id);
    return insertReturningId(
      tx,
      sql`insert into public.label_purchase_attempts (account_id, shipment_id, rate_id, state)
          values (${accountId}, ${shipment.id}, 'rate_1', 'purchasing') returning id`,
    );
  },
  label_documents: async (tx, accountId) => {
    const order = await createOrder(accountId, { shopId: (await createShop(accountId)).id, orderStatus: 'AWAITING_SHIPMENT' });
    const shipment = await createShipment(accountId, order.id);
    await createLabelDocument(accountId, shipment.id, {}, { tx });
    return sql`shipment_id = ${shipment.id}`;
  },
  tracking_events: async (tx, accountId) => {
    const order = await createOrder(accountId, { shopId: (await createShop(accountId)).id, orderStatus: 'AWAITING_SHIPMENT' });
    const shipment = await createShipment(accountId, order.id);
    return sql`id = ${(await createTrackingEvent(accountId, shipment, {}, { tx })).id}`;
  },
  alerts: async (tx, accountId) => sql`id = ${(await createAlert(accountId, {}, { tx })).id}`,
  webhook_events: async (tx, accountId) => sql`id = ${(await createWebhookEvent(accountId, {}, { tx })).id}`,
  account_members: async (tx, accountId) => {
    const user = await asSystem((system) =>
      system.execute<{ id: string }>(sql`insert into auth.users (email) values (${`member-${crypto.randomUUID()}@test.dev`}) returning id`),
    );
    const userId = user.rows[0]!.id;
    await tx.execute(sql`insert into public.account_members (account_id, user_id, role) values (${accountId}, ${userId}, 'viewer')`);
    return sql`account_id = ${accountId} and user_id = ${userId}`;
  },
  audit_log: (tx, accountId) =>
    insertReturningId(
      tx,
      sql`insert into public.audit_log (account_id, actor_type, action, entity_type) values (${accountId}, 'system', 'test.created', 'test') returning id`,
    ),
  order_velocity_buckets: async (tx, accountId) => {
    const productId = `product-${crypto.randomUUID()}`;
    await tx.execute(
      sql`insert into public.order_velocity_buckets (account_id, tiktok_product_id, bucket_start, orders) values (${accountId}, ${productId}, date_trunc('minute', now()), 1)`,
    );
    return sql`account_id = ${accountId} and tiktok_product_id = ${productId}`;
  },
  order_counts_hourly: async (tx, accountId) => {
    // A distinct hour per call (shard 0), so repeated calls for one account add rows, not counts.
    const hour = new Date(Date.UTC(2020, 0, 1) + Math.floor(Math.random() * 1_000_000) * 3_600_000).toISOString();
    await tx.execute(
      sql`insert into public.order_counts_hourly (account_id, hour, shard, orders) values (${accountId}, ${hour}::timestamptz, 0, 1) on conflict do nothing`,
    );
    return sql`account_id = ${accountId} and hour = ${hour}::timestamptz`;
  },
  // billing & notifications (issue 5). account_billing and notification_preferences have one row
  // per account (and category), so their factories upsert.
  account_billing: async (tx, accountId) => {
    await tx.execute(
      sql`insert into public.account_billing (account_id, stripe_customer_id) values (${accountId}, ${`cus_rls_${crypto.randomUUID()}`}) on conflict (account_id) do update set updated_at = now()`,
    );
    return sql`account_id = ${accountId}`;
  },
  email_outbox: (tx, accountId) =>
    insertReturningId(
      tx,
      sql`insert into public.email_outbox (account_id, template, category, to_addresses, subject, idempotency_key) values (${accountId}, 'creator-welcome', 'account', array['owner@test.dev'], 'Welcome', ${`rls:${crypto.randomUUID()}`}) returning id`,
    ),
  notification_preferences: async (tx, accountId) => {
    await tx.execute(
      sql`insert into public.notification_preferences (account_id, category, enabled) values (${accountId}, 'payouts', false) on conflict (account_id, category) do update set enabled = excluded.enabled`,
    );
    return sql`account_id = ${accountId} and category = 'payouts'`;
  },
  tiktok_order_sync_requests: async (tx, accountId) => {
    const shopId = await insertTikTokShop(tx, accountId);
    await tx.execute(
      sql`insert into public.tiktok_order_sync_requests (shop_id, tiktok_order_id, account_id) values (${shopId}, '576000000000000001', ${accountId})`,
    );
    return sql`shop_id = ${shopId}`;
  },
  tiktok_product_sync_requests: async (tx, accountId) => {
    const shopId = await insertTikTokShop(tx, accountId);
    await tx.execute(
      sql`insert into public.tiktok_product_sync_requests (shop_id, account_id, updated_since) values (${shopId}, ${accountId}, 1700000000)`,
    );
    return sql`shop_id = ${shopId}`;
  },
  tiktok_inventory_pushes: async (tx, accountId) => {
    const shopId = await insertTikTokShop(tx, accountId);
    const product = await tx.execute<{ id: string }>(
      sql`insert into public.products (account_id, shop_id, tiktok_product_id, title) values (${accountId}, ${shopId}, ${`p-${crypto.randomUUID()}`}, 'RLS product') returning id`,
    );
    const sku = await tx.execute<{ id: string }>(
      sql`insert into public.skus (account_id, shop_id, product_id, tiktok_sku_id) values (${accountId}, ${shopId}, ${product.rows[0]!.id}, ${`s-${crypto.randomUUID()}`}) returning id`,
    );
    const skuId = sku.rows[0]!.id;
    await tx.execute(
      sql`insert into public.tiktok_inventory_pushes (sku_id, account_id, shop_id, quantities) values (${skuId}, ${accountId}, ${shopId}, '{"WH-1": 3}')`,
    );
    return sql`sku_id = ${skuId}`;
  },
};

/** A connected TikTok shop row for the sync tables' factories (they all hang off a shop). */
async function insertTikTokShop(tx: Tx, accountId: string): Promise<string> {
  const suffix = crypto.randomUUID();
  const shop = await tx.execute<{ id: string }>(
    sql`insert into public.tiktok_shops (account_id, shop_id, shop_cipher, name) values (${accountId}, ${`shop-${suffix}`}, ${`cipher-${suffix}`}, 'RLS shop') returning id`,
  );
  return shop.rows[0]!.id;
}
