/**
 * buildRateRequests (lib/shipping/build-rate-request.ts): the rate requests of a label batch in one
 * statement, each order with its own parcel, and an order that cannot make one with its reason.
 */
import { sql } from 'drizzle-orm';
import { asSystem, closeDb, systemDb } from '@/lib/db';
import type { Recipient } from '@/lib/db/schema/orders';
import { buildRateRequests } from '@/lib/shipping/build-rate-request';
import type { Address } from '@/lib/shipping/carriers';
import { createTenant } from '@/tests/factories/tenants';
import { createOrder, createShop, createSku } from '../pipeline/support/commerce';

const recipient: Recipient = { name: 'Maya', addressLine1: '1842 Sunset Blvd', city: 'Los Angeles', state: 'CA', postalCode: '90026', country: 'us' };
const shipFrom: Address = { name: 'Warehouse', street1: '1 Dock St', city: 'Reno', state: 'NV', zip: '89501', country: 'US' };

afterAll(() => closeDb());

test('one call builds each order its own parcel; an order without lines, or without a line we know, gets its reason', async () => {
  const { accountId } = await createTenant('Rate requests');
  const { shopId } = await createShop(accountId);
  const [light, heavy] = [await createSku(accountId, shopId, { weightGrams: 100 }), await createSku(accountId, shopId, { weightGrams: 900 })];
  const one = await createOrder(accountId, shopId, { lines: [{ sku: light, quantity: 1 }] });
  const mixed = await createOrder(accountId, shopId, { lines: [{ sku: light, quantity: 2 }, { sku: heavy, quantity: 1 }] });
  const unknownOnly = await createOrder(accountId, shopId, { lines: [{ sku: heavy, quantity: 1 }] });
  const empty = await createOrder(accountId, shopId, { lines: [{ sku: light, quantity: 1 }] });
  await asSystem(async (tx) => {
    await tx.execute(sql`update public.order_items set sku_id = null where order_id = ${unknownOnly}`);
    await tx.execute(sql`delete from public.order_items where order_id = ${empty}`);
    // A line whose SKU we never linked adds nothing to the parcel.
    await tx.execute(sql`insert into public.order_items (account_id, order_id, tiktok_sku_id, tiktok_product_id, seller_sku, product_name, quantity, unit_price_cents)
      values (${accountId}, ${mixed}, 'unlinked', 'unlinked', 'UNLINKED', 'Unlinked', 5, 100)`);
  });
  const input = (orderId: string) => ({ accountId, orderId, recipient, reference: `ref-${orderId}`, defaultShipFrom: shipFrom });
  const [a, b, c, d] = await buildRateRequests(systemDb(), [one, mixed, unknownOnly, empty].map(input));
  expect(a).toMatchObject({ from: shipFrom, to: { city: 'Los Angeles', country: 'US' }, parcel: { weight: 100, massUnit: 'g' }, reference: `ref-${one}` });
  expect(b).toMatchObject({ parcel: { weight: 1100 }, reference: `ref-${mixed}` });
  expect(c).toEqual(new Error(`order ${unknownOnly} has lines without a known SKU`));
  expect(d).toEqual(new Error(`order ${empty} has no lines`));

  // An account's own ship-from wins over the default.
  await asSystem((tx) => tx.execute(sql`update public.accounts set settings = settings || ${JSON.stringify({ shipFrom: { ...shipFrom, city: 'Austin', state: 'TX', zip: '73301', country: 'us' } })}::jsonb where id = ${accountId}`));
  const [own] = await buildRateRequests(systemDb(), [input(one)]);
  expect(own).toMatchObject({ from: { city: 'Austin', country: 'US' } });
});
