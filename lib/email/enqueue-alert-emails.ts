import 'server-only';
import { and, eq } from 'drizzle-orm';
import { tables, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { readAccountName } from './queries';
import { appLink, enqueueAccountEmail, type EnqueueEmailResult } from './enqueue-email';
import type { LowStockAlertProps } from './schemas';

// Operational alerts to the account's owners. Each respects the account's notification
// preferences at send time (pipeline_errors, low_stock, shop_connection).

/**
 * A fulfillment step failed for good (the job is dead-lettered) and a person must act.
 * Key `pipeline-error:<jobName>:<jobId>`: one email per failed job, however often it is reported.
 * `errorMessage` must be safe to show a creator (no stack traces, no secrets).
 */
export async function enqueuePipelineErrorEmail(
  tx: Tx,
  input: {
    accountId: string;
    jobName: string;
    jobId: string;
    /** In words: "Buying a shipping label". */
    failedStep: string;
    errorCode: string;
    errorMessage: string;
    attempts: number;
    orderId?: string;
    occurredAt?: Date;
  },
): Promise<EnqueueEmailResult> {
  let orderNumber: string | undefined;
  if (input.orderId) {
    const [order] = await tx
      .select({ number: tables.orders.tiktokOrderId })
      .from(tables.orders)
      .where(and(eq(tables.orders.id, input.orderId), eq(tables.orders.accountId, input.accountId)));
    orderNumber = order?.number;
  }
  const orderUrl = input.orderId ? appLink(`/orders/${input.orderId}`) : undefined;
  return enqueueAccountEmail(tx, {
    accountId: input.accountId,
    template: 'pipeline-error',
    props: {
      accountName: await readAccountName(tx, input.accountId),
      failedStep: input.failedStep,
      jobName: input.jobName,
      ...(orderNumber ? { orderNumber } : {}),
      errorCode: input.errorCode,
      errorMessage: input.errorMessage.slice(0, 1000),
      attempts: input.attempts,
      occurredAt: (input.occurredAt ?? new Date()).toISOString(),
      failedJobUrl: orderUrl ?? appLink('/orders?workflow_status=failed'),
      ...(orderUrl ? { orderUrl } : {}),
    },
    idempotencyKey: `pipeline-error:${input.jobName}:${input.jobId}`,
  });
}

/**
 * SKUs running out. `alertKey` names the situation once (e.g. the inventory alert's dedupe key
 * and the day), so a re-run of the same check does not email again:
 * key `low-stock-alert:<accountId>:<alertKey>`.
 */
export async function enqueueLowStockAlertEmail(
  tx: Tx,
  input: { accountId: string; alertKey: string; items: LowStockAlertProps['items'] },
): Promise<EnqueueEmailResult> {
  return enqueueAccountEmail(tx, {
    accountId: input.accountId,
    template: 'low-stock-alert',
    props: {
      accountName: await readAccountName(tx, input.accountId),
      items: input.items,
      inventoryUrl: appLink('/inventory'),
    },
    idempotencyKey: `low-stock-alert:${input.accountId}:${input.alertKey}`,
  });
}

/**
 * A shop's TikTok authorization expires soon (UPCOMING_AUTHORIZATION_EXPIRATION). Reads the
 * shop; key `shop-authorization-expiring:<shop uuid>:<expiry day>` (a re-authorization with a
 * new expiry warns again).
 */
export async function enqueueShopAuthorizationExpiringEmail(
  tx: Tx,
  input: { accountId: string; shopId: string },
): Promise<EnqueueEmailResult> {
  const { tiktokShops } = tables;
  const [shop] = await tx
    .select({
      name: tiktokShops.name,
      region: tiktokShops.region,
      expiresAt: tiktokShops.authorizationExpiresAt,
    })
    .from(tiktokShops)
    .where(and(eq(tiktokShops.id, input.shopId), eq(tiktokShops.accountId, input.accountId)));
  if (!shop) throw new AppError('NOT_FOUND', 'Shop not found');
  if (!shop.expiresAt) throw new AppError('VALIDATION', 'The shop has no authorization expiry recorded');
  return enqueueAccountEmail(tx, {
    accountId: input.accountId,
    template: 'shop-authorization-expiring',
    props: {
      accountName: await readAccountName(tx, input.accountId),
      shopName: shop.name,
      ...(shop.region ? { shopRegion: shop.region.slice(0, 8) } : {}),
      expiresAt: shop.expiresAt.toISOString(),
      reconnectUrl: appLink('/settings'),
    },
    idempotencyKey: `shop-authorization-expiring:${input.shopId}:${shop.expiresAt.toISOString().slice(0, 10)}`,
  });
}
