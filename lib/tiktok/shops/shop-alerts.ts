import 'server-only';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { tables, type Tx } from '@/lib/db';
import type { AlertKind } from '@/lib/db/schema/inventory';

type ShopAlertKind = Extract<AlertKind, 'shop_disconnected' | 'shop_authorization_expiring'>;

const dedupeKey = (kind: ShopAlertKind, shopRowId: string) => `${kind}:${shopRowId}`;

/** Opens (or refreshes the text of) the shop's open alert of this kind; one open alert per shop and kind. */
export async function raiseShopAlert(
  tx: Tx,
  input: { accountId: string; shopRowId: string; kind: ShopAlertKind; severity: 'warning' | 'critical'; title: string; body: string },
): Promise<void> {
  const a = tables.alerts;
  await tx
    .insert(a)
    .values({
      accountId: input.accountId,
      kind: input.kind,
      severity: input.severity,
      title: input.title,
      body: input.body,
      entityType: 'tiktok_shop',
      entityId: input.shopRowId,
      dedupeKey: dedupeKey(input.kind, input.shopRowId),
    })
    .onConflictDoUpdate({
      target: [a.accountId, a.dedupeKey],
      targetWhere: sql`resolved_at is null`,
      set: { title: input.title, body: input.body, severity: input.severity },
    });
}

/** Closes the shop's open alerts of these kinds (the seller re-authorized, or the shop was removed). */
export async function resolveShopAlerts(tx: Tx, accountId: string, shopRowId: string, kinds: ShopAlertKind[]): Promise<void> {
  const a = tables.alerts;
  await tx
    .update(a)
    .set({ resolvedAt: new Date() })
    .where(
      and(
        eq(a.accountId, accountId),
        inArray(a.dedupeKey, kinds.map((kind) => dedupeKey(kind, shopRowId))),
        isNull(a.resolvedAt),
      ),
    );
}
