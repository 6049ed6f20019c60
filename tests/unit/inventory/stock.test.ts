import { allocateStock, mergeLines, type LevelState } from '@/lib/inventory/allocate-stock';
import { adjustStockSchema } from '@/lib/inventory/schemas';

describe('mergeLines', () => {
  test('one line per SKU, in SKU id order (the lock order that rules out deadlocks)', () => {
    expect(mergeLines([{ skuId: 'b', quantity: 1 }, { skuId: 'a', quantity: 2 }, { skuId: 'b', quantity: 3 }])).toEqual([
      { skuId: 'a', quantity: 2 }, { skuId: 'b', quantity: 4 },
    ]);
  });

  test('refuses non-positive or fractional quantities', () => {
    expect(() => mergeLines([{ skuId: 'a', quantity: 0 }])).toThrow(/positive integer/);
    expect(() => mergeLines([{ skuId: 'a', quantity: 1.5 }])).toThrow(/positive integer/);
  });
});

describe('adjust body', () => {
  test('needs a SKU uuid, a warehouse, a non-zero integer delta and a reason', () => {
    const sku = '6f1d3b0e-6f57-4f5e-9a64-3b9e1a2b7c10';
    expect(adjustStockSchema.parse({ sku_id: sku, warehouse_id: ' wh-1 ', delta: -3, reason: 'damaged' })).toEqual({ sku_id: sku, warehouse_id: 'wh-1', delta: -3, reason: 'damaged' });
    expect(adjustStockSchema.safeParse({ sku_id: sku, warehouse_id: 'wh', delta: 0, reason: 'x' }).success).toBe(false);
    expect(adjustStockSchema.safeParse({ sku_id: sku, warehouse_id: 'wh', delta: 1.5, reason: 'x' }).success).toBe(false);
    expect(adjustStockSchema.safeParse({ sku_id: sku, warehouse_id: 'wh', delta: 1, reason: '' }).success).toBe(false);
    expect(adjustStockSchema.safeParse({ sku_id: 'nope', warehouse_id: 'wh', delta: 1, reason: 'x' }).success).toBe(false);
  });
});

describe('allocateStock', () => {
  const level = (id: string, skuId: string, warehouseId: string, onHand: number, reserved = 0): LevelState => ({
    id, accountId: 'acc', skuId, warehouseId, onHand, reserved, lowStockThreshold: 1, lowStockAlerted: false,
  });
  const order = (orderId: string, lines: { skuId: string; quantity: number }[], preferredWarehouseId: string | null = null) => ({ accountId: 'acc', orderId, lines, preferredWarehouseId });

  test('orders take stock in the order given, as if one after another; the first that does not fit is refused', () => {
    const { results, taken } = allocateStock([level('l1', 'a', 'wh', 5, 3)], [order('o1', [{ skuId: 'a', quantity: 1 }]), order('o2', [{ skuId: 'a', quantity: 1 }]), order('o3', [{ skuId: 'a', quantity: 1 }])]);
    expect(results.map((r) => r.ok)).toEqual([true, true, false]);
    expect(results[2]).toEqual({ ok: false, shortSkuId: 'a', requested: 1, available: 0 });
    expect(results.flatMap((r) => (r.ok ? r.movements.map((m) => [m.reservedAfter, m.availableAfter]) : []))).toEqual([[4, 1], [5, 0]]);
    expect(taken).toEqual(new Map([['l1', 2]]));
  });

  test('an order gets all its lines or none: a short line leaves the others for the next order', () => {
    const levels = [level('la', 'a', 'wh', 1), level('lb', 'b', 'wh', 3)];
    const { results, taken } = allocateStock(levels, [order('o1', [{ skuId: 'a', quantity: 1 }, { skuId: 'b', quantity: 5 }]), order('o2', [{ skuId: 'a', quantity: 1 }])]);
    expect(results[0]).toEqual({ ok: false, shortSkuId: 'b', requested: 5, available: 3 });
    expect(results[1]).toMatchObject({ ok: true, movements: [{ skuId: 'a', reservedDelta: 1, reservedAfter: 1, availableAfter: 0 }] });
    expect(taken).toEqual(new Map([['la', 1]]));
    expect(levels[0]!.reserved).toBe(0); // the caller's rows are left as read
  });

  test("a line comes from the order's own warehouse when it holds enough, else from the one with the most available", () => {
    const levels = [level('east', 'a', 'east', 2), level('west', 'a', 'west', 6), level('north', 'a', 'north', 6)];
    const { results } = allocateStock(levels, [order('o1', [{ skuId: 'a', quantity: 2 }], 'east'), order('o2', [{ skuId: 'a', quantity: 2 }], 'east'), order('o3', [{ skuId: 'a', quantity: 5 }])]);
    const warehouses = results.map((r) => (r.ok ? r.movements[0]!.warehouseId : null));
    // east is spent by o1; o2 goes to the most available (north and west tie at 6: by id); o3 then fits only in west.
    expect(warehouses).toEqual(['east', 'north', 'west']);
    expect(results[2]).toMatchObject({ ok: true, movements: [{ availableAfter: 5 }] });
  });
});
