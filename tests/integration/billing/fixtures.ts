import { sql } from 'drizzle-orm';
import type { Tx } from '@/lib/db';

// Rows and waits shared by the billing and email integration tests. Plain SQL through the caller's
// transaction, so a test file can import this before it has loaded lib/db itself.

export async function insertShop(tx: Tx, accountId: string, name = 'Glow Lab'): Promise<string> {
  const shopId = `shop-${crypto.randomUUID()}`;
  const result = await tx.execute<{ id: string }>(sql`
    insert into public.tiktok_shops (account_id, shop_id, shop_cipher, name, region)
    values (${accountId}, ${shopId}, ${`cipher-${shopId}`}, ${name}, 'US') returning id`);
  return result.rows[0]!.id;
}

/** `count` paid orders stored now (created_at = now()), as the TikTok sync would store them. */
export async function insertOrders(
  tx: Tx,
  input: { accountId: string; shopId: string; count: number; buyerEmail?: string | null },
): Promise<string[]> {
  const result = await tx.execute<{ id: string }>(sql`
    insert into public.orders (account_id, shop_id, tiktok_order_id, order_status, buyer_email, currency,
      subtotal_cents, shipping_fee_cents, total_cents)
    select ${input.accountId}, ${input.shopId}, ${`o-${crypto.randomUUID()}-`} || n, 'AWAITING_SHIPMENT',
      ${input.buyerEmail ?? null}, 'USD', 4800, 0, 4800
    from generate_series(1, ${input.count}) as n
    returning id`);
  return result.rows.map((row) => row.id);
}

/**
 * Polls until `check` returns a value (not undefined/false), at most `attempts` times. A bounded
 * wait for something asynchronous (a queue worker), not a timing assertion.
 */
export async function waitFor<T>(
  description: string,
  check: () => Promise<T | undefined | false>,
  { attempts = 200, intervalMs = 100 } = {},
): Promise<T> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`gave up waiting for ${description}`);
}

/** Sets environment variables for this test file and returns a function that restores them. */
export function setEnv(values: Record<string, string>): () => void {
  const previous = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  Object.assign(process.env, values);
  return () => {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}
