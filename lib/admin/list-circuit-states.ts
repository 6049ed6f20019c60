import 'server-only';
import { sql } from 'drizzle-orm';
import { asSystem } from '@/lib/db';

export type CircuitRow = {
  shop_key: string;
  state: string;
  shop_name: string | null;
  account_name: string | null;
};

/**
 * The TikTok circuit breakers of this process (getCircuitStates() from lib/tiktok, keyed by shop)
 * with the shop and tenant they belong to. Per process: another app machine has its own breakers.
 */
export async function unsafeDescribeCircuits(states: Record<string, string>): Promise<CircuitRow[]> {
  const keys = Object.keys(states);
  if (keys.length === 0) return [];
  const shops = await asSystem((tx) =>
    tx.execute<{ id: string; shop_id: string; name: string; account_name: string }>(sql`
      select s.id::text as id, s.shop_id, s.name, a.name as account_name
      from public.tiktok_shops s join public.accounts a on a.id = s.account_id
      where s.shop_id = any(${sql.param(keys)}::text[]) or s.id::text = any(${sql.param(keys)}::text[])`),
  );
  const byKey = new Map(
    shops.rows.flatMap(
      (shop) =>
        [
          [shop.shop_id, shop],
          [shop.id, shop],
        ] as const,
    ),
  );
  const rank = (state: string) => (state === 'open' ? 0 : state === 'half-open' ? 1 : 2);
  return keys
    .map((key) => ({
      shop_key: key,
      state: states[key]!,
      shop_name: byKey.get(key)?.name ?? null,
      account_name: byKey.get(key)?.account_name ?? null,
    }))
    .sort((a, b) => rank(a.state) - rank(b.state) || a.shop_key.localeCompare(b.shop_key));
}
