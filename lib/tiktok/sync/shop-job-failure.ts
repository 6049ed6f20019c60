import 'server-only';
import { eq } from 'drizzle-orm';
import { SecretDecryptionError } from '@/lib/crypto';
import { asSystem, tables } from '@/lib/db';
import { logger } from '@/lib/logger';
import { PermanentJobError } from '@/lib/queue';
import { isTikTokApiError } from '../errors';
import { ShopNotConnectedError } from '../shops/errors';
import type { ShopRow } from '../shops/load-shop';
import { raiseShopAlert } from '../shops/shop-alerts';

/**
 * Turns what a shop job hit into what the queue should do. Transient trouble (429, 5xx, network, an
 * open circuit) is rethrown for pg-boss to retry with backoff. A dead authorization marks the shop
 * `expired` with an alert, because no retry brings it back; other refusals TikTok will repeat are
 * recorded on the shop and fail the job permanently.
 */
export async function toShopJobFailure(shop: Pick<ShopRow, 'id' | 'accountId' | 'name'>, error: unknown): Promise<Error> {
  if (error instanceof ShopNotConnectedError) return new PermanentJobError(error.message, { cause: error });
  if (error instanceof SecretDecryptionError) {
    await recordShopProblem(shop, 'error', 'Stored TikTok tokens cannot be read; connect the shop again');
    return new PermanentJobError(`tokens of shop ${shop.id} cannot be decrypted`, { cause: error });
  }
  if (!isTikTokApiError(error)) return error instanceof Error ? error : new Error(String(error));
  if (error.retryable || error.kind === 'CIRCUIT_OPEN') return error;
  if (error.kind === 'INVALID_TOKEN' || error.kind === 'INVALID_GRANT' || error.kind === 'EXPIRED_TOKEN') {
    await recordShopProblem(shop, 'expired', 'TikTok no longer accepts this shop’s authorization; connect it again');
    await asSystem((tx) =>
      raiseShopAlert(tx, {
        accountId: shop.accountId,
        shopRowId: shop.id,
        kind: 'shop_disconnected',
        severity: 'critical',
        title: `${shop.name} needs to be connected again`,
        body: 'TikTok Shop refused the stored authorization (expired or revoked). Connect the shop again in Settings → Shops.',
      }),
    );
    return new PermanentJobError(`shop ${shop.id}: ${error.message}`, { cause: error });
  }
  logger.warn({ shopId: shop.id, kind: error.kind, code: error.code }, 'tiktok refused a shop call');
  await asSystem((tx) =>
    tx.update(tables.tiktokShops).set({ lastError: error.message.slice(0, 500) }).where(eq(tables.tiktokShops.id, shop.id)),
  );
  return new PermanentJobError(`shop ${shop.id}: ${error.message}`, { cause: error });
}

async function recordShopProblem(shop: Pick<ShopRow, 'id'>, status: 'expired' | 'error', message: string) {
  await asSystem((tx) =>
    tx
      .update(tables.tiktokShops)
      .set({ status, lastError: message, updatedAt: new Date() })
      .where(eq(tables.tiktokShops.id, shop.id)),
  );
}
