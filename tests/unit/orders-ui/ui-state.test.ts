import { activeTabId, STATUS_TABS } from '@/components/orders/labels';
import { BULK_STATUS_TARGETS, manualActionsFor, MANUAL_ACTIONS } from '@/components/orders/manual-actions';
import { formatDuration, formatMoney, formatRelative, formatUtc } from '@/components/ui/format';
import { useOrderSelection } from '@/lib/orders/store';
import { coalesceChanges, MAX_IDS_PER_CHANGE } from '@/lib/realtime/coalesce-changes';
import { throttle } from '@/lib/realtime/use-live-changes';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('status tabs', () => {
  test('a tab is active when the URL names exactly its statuses, in any order', () => {
    expect(activeTabId([])).toBe('all');
    expect(activeTabId(['PARTIALLY_SHIPPING', 'AWAITING_SHIPMENT'])).toBe('to-ship');
    expect(activeTabId(['AWAITING_SHIPMENT'])).toBeNull();
    // Every TikTok status belongs to exactly one tab (besides All).
    const covered = STATUS_TABS.flatMap((tab) => tab.statuses);
    expect(new Set(covered).size).toBe(covered.length);
    expect(covered).toHaveLength(9);
  });
});

describe('manual status actions come from the workflow’s transition table', () => {
  const bodies = (actions: ReturnType<typeof manualActionsFor>) => actions.map((action) => action.body);
  test('status changes go as {status}; hold and release as {action}', () => {
    expect(MANUAL_ACTIONS.find((action) => action.event === 'cancel')!.body).toEqual({ status: 'cancelled' });
    expect(MANUAL_ACTIONS.find((action) => action.event === 'hold')!.body).toEqual({ action: 'hold' });
    expect(BULK_STATUS_TARGETS.map((target) => target.status)).toEqual(
      expect.arrayContaining(['cancelled', 'shipped', 'new']),
    );
    expect(BULK_STATUS_TARGETS.map((target) => target.status)).not.toContain('unchanged');
  });
  test('a shipped order cannot be cancelled by hand; a failed one can be retried', () => {
    expect(bodies(manualActionsFor('shipped'))).not.toContainEqual({ status: 'cancelled' });
    expect(bodies(manualActionsFor('failed'))).toContainEqual({ status: 'new' });
    expect(bodies(manualActionsFor('inventory_reserved'))).toContainEqual({ status: 'cancelled' });
  });
  test('hold is offered only when not held, release only when held', () => {
    expect(bodies(manualActionsFor('validated', { onHoldForReview: false }))).toContainEqual({
      action: 'hold',
    });
    expect(bodies(manualActionsFor('validated', { onHoldForReview: false }))).not.toContainEqual({
      action: 'release',
    });
    expect(bodies(manualActionsFor('validated', { onHoldForReview: true }))).toContainEqual({
      action: 'release',
    });
  });
});

describe('bulk selection store', () => {
  beforeEach(() => useOrderSelection.getState().clear());
  test('toggle, select a page, unselect a page, clear', () => {
    const store = useOrderSelection.getState();
    store.toggle(A);
    expect([...useOrderSelection.getState().selected]).toEqual([A]);
    store.toggle(A);
    expect(useOrderSelection.getState().selected.size).toBe(0);
    store.setMany([A, B], true);
    expect(useOrderSelection.getState().selected.size).toBe(2);
    store.setMany([A], false);
    expect([...useOrderSelection.getState().selected]).toEqual([B]);
    store.clear();
    expect(useOrderSelection.getState().selected.size).toBe(0);
  });
});

describe('live updates', () => {
  test('coalesce: one entry per account and table, distinct ids, bulk statements mark it partial', () => {
    const merged = coalesceChanges([
      { account_id: A, table: 'orders', id: id(1), count: 1 },
      { account_id: A, table: 'orders', id: id(1), count: 1 },
      { account_id: A, table: 'orders', id: id(2), count: 1 },
      { account_id: B, table: 'orders', id: id(3), count: 1 },
      { account_id: A, table: 'inventory_levels', id: null, count: 40 },
    ]);
    expect(merged).toEqual([
      { account_id: A, table: 'orders', ids: [id(1), id(2)], count: 3, partial: false },
      { account_id: B, table: 'orders', ids: [id(3)], count: 1, partial: false },
      { account_id: A, table: 'inventory_levels', ids: [], count: 40, partial: true },
    ]);
  });

  test('coalesce: a burst keeps at most MAX_IDS_PER_CHANGE ids and says so', () => {
    const burst = Array.from({ length: 1000 }, (_, n) => ({
      account_id: A,
      table: 'orders' as const,
      id: id(n),
      count: 1,
    }));
    const [change] = coalesceChanges(burst);
    expect(change!.ids).toHaveLength(MAX_IDS_PER_CHANGE);
    expect(change).toMatchObject({ count: 1000, partial: true });
  });

  test('throttle: first call runs now, a burst becomes one trailing run', () => {
    jest.useFakeTimers();
    try {
      const fn = jest.fn();
      const throttled = throttle(fn, 1000);
      throttled.run();
      expect(fn).toHaveBeenCalledTimes(1);
      for (let i = 0; i < 50; i += 1) throttled.run();
      expect(fn).toHaveBeenCalledTimes(1);
      jest.advanceTimersByTime(1000);
      expect(fn).toHaveBeenCalledTimes(2);
      throttled.run();
      throttled.cancel();
      jest.advanceTimersByTime(5000);
      expect(fn).toHaveBeenCalledTimes(2);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('formatting', () => {
  test('money, durations and relative times', () => {
    expect(formatMoney(123456)).toBe('$1,234.56');
    expect(formatMoney(null)).toBe('—');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(600)).toBe('10 min');
    expect(formatDuration(5400)).toBe('1.5 h');
    expect(formatDuration(3 * 86400)).toBe('3 d');
    expect(formatDuration(null)).toBe('—');
    expect(formatRelative(10_000 + 7200_000, 10_000)).toBe('in 2 h');
    expect(formatRelative(10_000, 10_000 + 600_000)).toBe('10 min ago');
    expect(formatUtc('2026-11-23T15:04:00.000Z')).toBe('Nov 23, 2026, 3:04 PM UTC');
  });
});
