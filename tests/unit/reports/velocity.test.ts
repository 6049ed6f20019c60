import {
  compareUrgency,
  daysOfCover,
  DEFAULT_PLANNING,
  planningVelocity,
  planSku,
  reorderSuggestion,
  stockStatus,
  unitsPerHour,
} from '@/lib/inventory/queries/velocity';

describe('velocity', () => {
  test('units per hour over a window; negative sales count as none; a window must have length', () => {
    expect(unitsPerHour(48, 24)).toBe(2);
    expect(unitsPerHour(-3, 24)).toBe(0);
    expect(() => unitsPerHour(1, 0)).toThrow(RangeError);
  });

  test('planning velocity follows a spike but averages a slowdown', () => {
    expect(planningVelocity(10, 2)).toBe(10);
    expect(planningVelocity(1, 3)).toBe(2);
  });
});

describe('days of cover', () => {
  test('available over daily sales; nothing selling means no figure, not infinity', () => {
    expect(daysOfCover(48, 1)).toBe(2);
    expect(daysOfCover(-5, 1)).toBe(0);
    expect(daysOfCover(100, 0)).toBeNull();
  });
});

describe('reorder suggestion', () => {
  const settings = { leadTimeDays: 7, safetyDays: 3, targetCoverDays: 30 };

  test('no reorder while stock covers lead time plus safety', () => {
    // 1 unit/h = 24/day; reorder point 24 × 10 = 240
    expect(reorderSuggestion(241, 1, settings)).toEqual({ reorderPoint: 240, quantity: 0 });
  });

  test('at the reorder point, order up to lead time plus the target cover', () => {
    // target 24 × (7 + 30) = 888; 888 − 240 = 648
    expect(reorderSuggestion(240, 1, settings)).toEqual({ reorderPoint: 240, quantity: 648 });
  });

  test('a SKU that does not sell is never reordered', () => {
    expect(reorderSuggestion(0, 0, settings)).toEqual({ reorderPoint: 0, quantity: 0 });
  });
});

describe('stock status', () => {
  test.each([
    [{ available: 0, cover: null, lowStockThreshold: 5 }, 'critical'],
    [{ available: 40, cover: 1.5, lowStockThreshold: 5 }, 'critical'],
    [{ available: 5, cover: null, lowStockThreshold: 5 }, 'low'],
    [{ available: 100, cover: 9, lowStockThreshold: 5 }, 'low'],
    [{ available: 100, cover: 10, lowStockThreshold: 5 }, 'ok'],
    [{ available: 100, cover: null, lowStockThreshold: 5 }, 'ok'],
  ] as const)('%o is %s', (input, expected) => {
    expect(stockStatus(input, DEFAULT_PLANNING)).toBe(expected);
  });
});

test('planSku puts it together for a viral SKU', () => {
  // 120 sold today (5/h) against 168 this week (1/h): plan for 5/h = 120/day.
  const plan = planSku({ available: 300, unitsSold24h: 120, unitsSold7d: 168, lowStockThreshold: 10 });
  expect(plan).toEqual({
    velocity24h: 5,
    velocity7d: 1,
    planningVelocity: 5,
    daysOfCover: 2.5,
    reorderPoint: 1200,
    reorderQuantity: 120 * 37 - 300,
    status: 'low',
  });
});

test('urgency: critical, then least cover, then fastest; non-selling SKUs last within a status', () => {
  const a = planSku({ available: 0, unitsSold24h: 0, unitsSold7d: 0, lowStockThreshold: 5 });
  const b = planSku({ available: 50, unitsSold24h: 24, unitsSold7d: 24, lowStockThreshold: 5 });
  const c = planSku({ available: 500, unitsSold24h: 24, unitsSold7d: 24, lowStockThreshold: 5 });
  const d = planSku({ available: 500, unitsSold24h: 0, unitsSold7d: 0, lowStockThreshold: 5 });
  const e = planSku({ available: 1000, unitsSold24h: 48, unitsSold7d: 48, lowStockThreshold: 5 });
  const sorted = [d, c, e, b, a].sort(compareUrgency);
  expect(sorted).toEqual([a, b, e, c, d]);
});
