import { decideOrderChange } from '@/lib/orders/ingest';

const stored = { orderStatus: 'AWAITING_SHIPMENT' as const, tiktokUpdateTime: 1_700_000_100 };

describe('decideOrderChange (never backwards on a stale event)', () => {
  test('an order we do not have is created', () => {
    expect(decideOrderChange(null, { orderStatus: 'UNPAID', updateTime: 1 })).toBe('create');
  });

  test('an older snapshot is stale, whatever its status', () => {
    expect(decideOrderChange(stored, { orderStatus: 'ON_HOLD', updateTime: 1_700_000_099 })).toBe('stale');
    expect(decideOrderChange(stored, { orderStatus: 'CANCELLED', updateTime: 1_700_000_099 })).toBe('stale');
  });

  test('a newer snapshot applies', () => {
    expect(decideOrderChange(stored, { orderStatus: 'AWAITING_COLLECTION', updateTime: 1_700_000_101 })).toBe('update');
  });

  test('the same update_time is no change: same status, or a step back', () => {
    expect(decideOrderChange(stored, { orderStatus: 'AWAITING_SHIPMENT', updateTime: 1_700_000_100 })).toBe('unchanged');
    expect(decideOrderChange(stored, { orderStatus: 'ON_HOLD', updateTime: 1_700_000_100 })).toBe('unchanged');
  });

  test('the same update_time with a strictly forward status applies (second-resolution timestamps)', () => {
    expect(decideOrderChange({ orderStatus: 'ON_HOLD', tiktokUpdateTime: 5 }, { orderStatus: 'AWAITING_SHIPMENT', updateTime: 5 })).toBe('update');
    expect(decideOrderChange(stored, { orderStatus: 'CANCELLED', updateTime: 1_700_000_100 })).toBe('update');
  });
});
