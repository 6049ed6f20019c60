import { mergeLines } from '@/lib/inventory/reserve-order-stock';
import { stockOutlook } from '@/lib/inventory/stock-outlook';
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

describe('stockOutlook', () => {
  test('velocity, cover and a 30-day reorder suggestion', () => {
    expect(stockOutlook(14, 70, 10)).toEqual({ velocityPerDay: 10, daysOfCover: 1.4, suggestedReorder: 296 });
  });

  test('no sales: nothing to reorder beyond the threshold, cover shown as 999 days', () => {
    expect(stockOutlook(3, 0, 10)).toEqual({ velocityPerDay: 0, daysOfCover: 999, suggestedReorder: 7 });
    expect(stockOutlook(50, 0, 10).suggestedReorder).toBe(0);
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
