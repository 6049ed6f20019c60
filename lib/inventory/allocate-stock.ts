import type { Movement } from './record-movements';

export type StockLine = { skuId: string; quantity: number };

/** One inventory_levels row as read under its lock, with its SKU's low-stock facts. */
export type LevelState = {
  id: string;
  accountId: string;
  skuId: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
  lowStockThreshold: number;
  lowStockAlerted: boolean;
};

export type OrderDemand = { accountId: string; orderId: string; lines: readonly StockLine[]; preferredWarehouseId?: string | null };

/** A reserved line, with what the SKU has left (all warehouses) for the low-stock check. */
export type ReservedLine = Movement & { availableAfter: number; lowStockThreshold: number; lowStockAlerted: boolean };

export type ReservationResult =
  | { ok: true; movements: ReservedLine[] }
  | { ok: false; shortSkuId: string; requested: number; available: number };

/** Same SKU on several lines counts once; SKU order is the lock order (see reserveOrdersStock). */
export function mergeLines(lines: readonly StockLine[]): StockLine[] {
  const totals = new Map<string, number>();
  for (const line of lines) {
    if (!Number.isInteger(line.quantity) || line.quantity <= 0) throw new TypeError(`quantity must be a positive integer for SKU ${line.skuId}`);
    totals.set(line.skuId, (totals.get(line.skuId) ?? 0) + line.quantity);
  }
  return [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([skuId, quantity]) => ({ skuId, quantity }));
}

const available = (level: { onHand: number; reserved: number }) => level.onHand - level.reserved;
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Decides, for orders in the order given, which warehouse each line is taken from, as if they
 * reserved one after another: an order gets all its lines or none (a short SKU refuses the whole
 * order and leaves the stock as it was for the next one), and each line comes from a single
 * warehouse: the order's own if it holds enough, else the one with the most available (then by id).
 * Pure: the caller holds the rows' locks while it decides and writes (reserveOrdersStock).
 *
 * Returns each order's result and, per level that changed, the units it gives away (`taken`).
 * The movements carry the level's numbers right after each one, as the ledger records them.
 */
export function allocateStock(levels: readonly LevelState[], orders: readonly OrderDemand[]): { results: ReservationResult[]; taken: Map<string, number> } {
  const state = new Map(levels.map((level) => [level.id, { ...level }]));
  const bySku = new Map<string, LevelState[]>();
  for (const level of state.values()) {
    const key = `${level.accountId}:${level.skuId}`;
    bySku.set(key, [...(bySku.get(key) ?? []), level]);
  }
  const taken = new Map<string, number>();
  const results = orders.map((order): ReservationResult => {
    const lines = mergeLines(order.lines);
    const picks: { level: LevelState; quantity: number }[] = [];
    for (const line of lines) {
      const candidates = (bySku.get(`${order.accountId}:${line.skuId}`) ?? []).filter((level) => available(level) >= line.quantity);
      const preferred = candidates.find((level) => level.warehouseId === order.preferredWarehouseId);
      const level = preferred ?? candidates.sort((a, b) => available(b) - available(a) || byId(a.warehouseId, b.warehouseId))[0];
      if (!level) {
        const most = Math.max(0, ...(bySku.get(`${order.accountId}:${line.skuId}`) ?? []).map(available));
        return { ok: false, shortSkuId: line.skuId, requested: line.quantity, available: most };
      }
      picks.push({ level, quantity: line.quantity });
    }
    // Lines are distinct SKUs, so no two picks share a level: the whole order fits.
    const movements = picks.map(({ level, quantity }): ReservedLine => {
      level.reserved += quantity;
      taken.set(level.id, (taken.get(level.id) ?? 0) + quantity);
      const skuLevels = bySku.get(`${level.accountId}:${level.skuId}`)!;
      return {
        skuId: level.skuId, warehouseId: level.warehouseId, kind: 'reserve', onHandDelta: 0, reservedDelta: quantity,
        onHandAfter: level.onHand, reservedAfter: level.reserved,
        availableAfter: skuLevels.reduce((sum, other) => sum + available(other), 0),
        lowStockThreshold: level.lowStockThreshold, lowStockAlerted: level.lowStockAlerted,
      };
    });
    return { ok: true, movements };
  });
  return { results, taken };
}
