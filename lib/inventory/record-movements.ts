import 'server-only';
import { tables, type Tx } from '@/lib/db';
import type { MovementKind } from '@/lib/db/schema/inventory';

/** One ledger line: what changed on one inventory_levels row, and the row's numbers right after. */
export type Movement = {
  skuId: string;
  warehouseId: string;
  kind: MovementKind;
  onHandDelta: number;
  reservedDelta: number;
  onHandAfter: number;
  reservedAfter: number;
};

/**
 * Appends ledger lines in the transaction that changed the numbers, so the ledger and
 * inventory_levels can never disagree: replaying every movement of a SKU reproduces its row.
 */
export async function recordMovements(
  tx: Tx,
  input: { accountId: string; orderId?: string | null; reason?: string | null; actorId?: string | null; movements: Movement[] },
): Promise<void> {
  if (input.movements.length === 0) return;
  await tx.insert(tables.inventoryMovements).values(
    input.movements.map((movement) => ({
      accountId: input.accountId,
      orderId: input.orderId ?? null,
      reason: input.reason ?? null,
      actorId: input.actorId ?? null,
      ...movement,
    })),
  );
}
