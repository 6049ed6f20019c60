import 'server-only';
import { sql } from 'drizzle-orm';
import { asSystem, tables } from '@/lib/db';
import { enqueue } from '@/lib/queue';
import { getTikTokClient, tiktokAppConfig } from '../app-client';
import type { TikTokAuthorizedShop } from '../schemas';
import { scheduleReconciliation } from '../sync/reconcile-schedule';
import type { TokenSet } from '../types';
import { resolveShopAlerts } from './shop-alerts';
import { sealTokens } from './token-store';

export interface ConnectedShop {
  /** tiktok_shops.id */
  id: string;
  tiktokShopId: string;
  name: string;
  region: string;
  /** False when the shop was already connected to this account (re-authorization). */
  created: boolean;
}

export interface ConnectShopsResult {
  connected: ConnectedShop[];
  /** Shops the seller authorized that belong to ANOTHER CreatorFlow account: left untouched. */
  refused: { tiktokShopId: string; name: string }[];
}

/**
 * The consent redirect's second half (also used by `bun run dev` for the demo shop): trade the
 * single-use code for tokens, list the shops the seller authorized, and connect each to the account.
 * @throws TikTokApiError when TikTok refuses the code (expired, reused) or the shop listing.
 */
export async function connectShopsWithCode(input: { accountId: string; code: string }): Promise<ConnectShopsResult> {
  const client = getTikTokClient();
  const tokens = await client.exchangeAuthCode(input.code);
  const shops = await client.getAuthorizedShops(tokens.accessToken);
  return connectAuthorizedShops({ accountId: input.accountId, tokens, shops });
}

/**
 * Upserts each authorized shop (cipher, name, region, tokens encrypted under APP_ENCRYPTION_KEY) into
 * the account. A shop already connected to another account is refused, never moved: its orders and
 * stock belong to that tenant. Each connected shop gets, in the same transaction, a full catalog import
 * followed by its first order sync, and after commit its reconciliation schedule.
 */
export async function connectAuthorizedShops(input: {
  accountId: string;
  tokens: TokenSet;
  shops: readonly TikTokAuthorizedShop[];
}): Promise<ConnectShopsResult> {
  const config = tiktokAppConfig();
  const result: ConnectShopsResult = { connected: [], refused: [] };
  const s = tables.tiktokShops;
  for (const shop of input.shops) {
    const columns = {
      shopCipher: shop.cipher,
      name: shop.name,
      region: shop.region,
      sellerType: shop.seller_type,
      status: 'connected' as const,
      ...sealTokens(shop.id, input.tokens, config.encryptionKey),
      authorizationExpiresAt: input.tokens.refreshTokenExpiresAt,
      lastError: null,
    };
    const connected = await asSystem(async (tx) => {
      const [row] = await tx
        .insert(s)
        .values({ accountId: input.accountId, shopId: shop.id, ...columns })
        .onConflictDoUpdate({
          target: s.shopId,
          set: { ...columns, updatedAt: new Date() },
          setWhere: sql`${s.accountId} = ${input.accountId}`,
        })
        .returning({ id: s.id, created: sql<boolean>`(xmax = 0)` });
      if (!row) return null;
      await resolveShopAlerts(tx, input.accountId, row.id, ['shop_disconnected', 'shop_authorization_expiring']);
      await enqueue(
        'tiktok.import-products',
        { accountId: input.accountId, shopId: row.id, full: true, thenSyncOrders: 'initial' },
        { tx },
      );
      return row;
    });
    if (!connected) {
      result.refused.push({ tiktokShopId: shop.id, name: shop.name });
      continue;
    }
    await scheduleReconciliation({ accountId: input.accountId, shopId: connected.id }, config.reconcileIntervalSeconds);
    result.connected.push({ id: connected.id, tiktokShopId: shop.id, name: shop.name, region: shop.region, created: connected.created });
  }
  return result;
}
