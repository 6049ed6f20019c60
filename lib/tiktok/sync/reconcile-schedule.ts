import 'server-only';
import { getReadyBoss } from '@/lib/queue/runtime';
import type { ShopRef } from './request-order-sync';

const JOB = 'tiktok.reconcile-orders';

/**
 * The catch-up poll of one shop, as a pg-boss schedule keyed by the shop: an RFC 5545 rule every
 * `intervalSeconds` (pg-boss evaluates schedules about every 30 s, so intervals below that run on
 * its passes). Stored in Postgres, so it survives restarts and runs on whichever instance holds the
 * pass; calling again replaces the schedule (e.g. after the interval setting changed).
 */
export async function scheduleReconciliation(shop: ShopRef, intervalSeconds: number): Promise<void> {
  if (!Number.isInteger(intervalSeconds) || intervalSeconds < 1) throw new RangeError('interval must be whole seconds');
  const boss = await getReadyBoss();
  await boss.schedule(
    JOB,
    `FREQ=SECONDLY;INTERVAL=${intervalSeconds}`,
    { accountId: shop.accountId, shopId: shop.shopId, mode: 'incremental' },
    { key: shop.shopId },
  );
}

export async function unscheduleReconciliation(shopRowId: string): Promise<void> {
  const boss = await getReadyBoss();
  await boss.unschedule(JOB, shopRowId);
}

/** The shop's schedule as pg-boss stores it, or null. */
export async function getReconciliationSchedule(shopRowId: string) {
  const boss = await getReadyBoss();
  return (await boss.getSchedule(JOB, shopRowId)) ?? null;
}
