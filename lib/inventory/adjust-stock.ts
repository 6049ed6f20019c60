import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { can } from '@/lib/accounts/permissions';
import { asSystem, tables, withRls, type JwtClaims, type Tx } from '@/lib/db';
import type { MemberRole } from '@/lib/db/schema/accounts';
import { AppError } from '@/lib/errors';
import { afterStockChange } from './after-stock-change';
import { recordMovements } from './record-movements';
import type { AdjustStockInput } from './schemas';

export type StockLevel = { skuId: string; warehouseId: string; onHand: number; reserved: number; available: number };

type LevelRow = { on_hand: number; reserved: number };

/** Postgres check_violation: on_hand >= 0 or reserved <= on_hand would break. */
const isCheckViolation = (error: unknown) => {
  const cause = (error as { cause?: { code?: string } }).cause ?? (error as { code?: string });
  return cause?.code === '23514';
};

/**
 * Applies a counted delta to one SKU in one warehouse (a stock take, a delivery, damage) inside
 * `tx`. The row is created on first stock-in. A delta that would take on_hand below what orders
 * already hold is refused by the table's checks and reported as a conflict, never clamped.
 */
export async function applyStockAdjustment(
  tx: Tx,
  input: AdjustStockInput & { accountId: string; actorId?: string | null },
): Promise<StockLevel> {
  const [sku] = await tx
    .select({ id: tables.skus.id })
    .from(tables.skus)
    .where(and(eq(tables.skus.id, input.sku_id), eq(tables.skus.accountId, input.accountId)));
  if (!sku) throw new AppError('NOT_FOUND', 'SKU not found');

  let row: LevelRow | undefined;
  try {
    row = await tx.transaction(async (savepoint) => {
      const result = await savepoint.execute<LevelRow>(sql`
        insert into public.inventory_levels (account_id, sku_id, warehouse_id, on_hand)
        values (${input.accountId}, ${input.sku_id}, ${input.warehouse_id}, ${input.delta})
        on conflict (sku_id, warehouse_id) do update
          set on_hand = inventory_levels.on_hand + ${input.delta}, updated_at = now()
          where inventory_levels.account_id = ${input.accountId}
        returning on_hand, reserved`);
      return result.rows[0];
    });
  } catch (error) {
    if (isCheckViolation(error)) {
      throw new AppError('CONFLICT', 'This adjustment would leave fewer units on hand than orders have reserved (or below zero)');
    }
    throw error;
  }
  if (!row) throw new AppError('NOT_FOUND', 'SKU not found');

  await recordMovements(tx, {
    accountId: input.accountId, actorId: input.actorId, reason: input.reason,
    movements: [{ skuId: input.sku_id, warehouseId: input.warehouse_id, kind: 'adjust', onHandDelta: input.delta, reservedDelta: 0, onHandAfter: row.on_hand, reservedAfter: row.reserved }],
  });
  await afterStockChange(tx, { accountId: input.accountId, skuIds: [input.sku_id], direction: input.delta > 0 ? 'up' : 'down' });
  return { skuId: input.sku_id, warehouseId: input.warehouse_id, onHand: row.on_hand, reserved: row.reserved, available: row.on_hand - row.reserved };
}

/**
 * POST /api/inventory/adjust for a member with `inventory:adjust`. The SKU must be visible to the
 * user under RLS; the write then runs on the system path (filtered by account) because the same
 * transaction enqueues the TikTok push and raises alerts, which belong to the system.
 */
export async function adjustStock(
  context: { accountId: string; userId: string; role: MemberRole; claims: JwtClaims },
  input: AdjustStockInput,
): Promise<StockLevel> {
  if (!can(context.role, 'inventory:adjust')) throw new AppError('FORBIDDEN', `Your role (${context.role}) cannot adjust stock`);
  const visible = await withRls(context.claims, (tx) =>
    tx.select({ id: tables.skus.id }).from(tables.skus).where(and(eq(tables.skus.id, input.sku_id), eq(tables.skus.accountId, context.accountId))),
  );
  if (visible.length === 0) throw new AppError('NOT_FOUND', 'SKU not found');
  return asSystem(async (tx) => {
    const level = await applyStockAdjustment(tx, { ...input, accountId: context.accountId, actorId: context.userId });
    await tx.insert(tables.auditLog).values({
      accountId: context.accountId, actorId: context.userId, actorType: 'user', action: 'inventory.adjust', entityType: 'sku', entityId: input.sku_id,
      data: { warehouseId: input.warehouse_id, delta: input.delta, reason: input.reason, onHand: level.onHand, reserved: level.reserved },
    });
    return level;
  });
}
