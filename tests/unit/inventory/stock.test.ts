import { mergeLines } from '@/lib/inventory/reserve-order-stock';
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
