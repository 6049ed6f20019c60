import 'server-only';
import { eq } from 'drizzle-orm';
import { asSystem, tables } from '@/lib/db';
import { registerHealthProbe, type HealthCheck } from '@/lib/health/get-health';
import { logger } from '@/lib/logger';
import { tiktokAppConfig } from './app-client';
import { getCircuitStates } from './circuit-breakers';
import { scheduleReconciliation } from './sync/reconcile-schedule';

/**
 * Start-up of the TikTok integration in a queue process (lib/queue/runtime.ts startQueueRuntime): the
 * `tiktokAPI` health probe, and every connected shop's reconciliation schedule re-applied with the
 * current interval (so changing TIKTOK_RECONCILE_INTERVAL_SECONDS takes effect on restart).
 */
export async function startTikTokIntegration(): Promise<void> {
  registerHealthProbe('tiktokAPI', checkTikTokHealth);
  const config = tiktokAppConfig();
  const shops = await asSystem((tx) =>
    tx
      .select({ shopId: tables.tiktokShops.id, accountId: tables.tiktokShops.accountId })
      .from(tables.tiktokShops)
      .where(eq(tables.tiktokShops.status, 'connected')),
  );
  for (const shop of shops) await scheduleReconciliation(shop, config.reconcileIntervalSeconds);
  logger.info({ shops: shops.length }, 'tiktok reconciliation scheduled');
}

/**
 * Circuit state (this process's breakers) and last successful sync of each connected shop. Degraded
 * when a circuit is not closed or a shop has not synced for three intervals; unhealthy when every
 * connected shop's circuit is open (TikTok unreachable).
 */
export async function checkTikTokHealth(): Promise<HealthCheck> {
  const { reconcileIntervalSeconds } = tiktokAppConfig();
  const shops = await asSystem((tx) =>
    tx
      .select({ shopId: tables.tiktokShops.shopId, lastSyncedAt: tables.tiktokShops.lastSyncedAt })
      .from(tables.tiktokShops)
      .where(eq(tables.tiktokShops.status, 'connected')),
  );
  if (shops.length === 0) return { status: 'healthy', message: 'no shops connected', details: { shops: [] } };
  const circuits = getCircuitStates();
  const staleAfterMs = 3 * reconcileIntervalSeconds * 1000;
  const details = shops.map((shop) => {
    const lagSeconds = shop.lastSyncedAt ? Math.round((Date.now() - shop.lastSyncedAt.getTime()) / 1000) : null;
    return {
      shopId: shop.shopId,
      circuit: circuits[shop.shopId] ?? 'closed',
      lastSyncedAt: shop.lastSyncedAt?.toISOString() ?? null,
      lagSeconds,
      stale: lagSeconds === null || lagSeconds * 1000 > staleAfterMs,
    };
  });
  const open = details.filter((shop) => shop.circuit === 'open').length;
  const troubled = details.filter((shop) => shop.circuit !== 'closed' || shop.stale).length;
  const status = open === details.length ? 'unhealthy' : troubled > 0 ? 'degraded' : 'healthy';
  const message = troubled > 0 ? `${troubled} of ${details.length} shops need attention` : undefined;
  return { status, ...(message ? { message } : {}), details: { shops: details } };
}
