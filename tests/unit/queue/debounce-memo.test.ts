import { createDebounceMemo } from '@/lib/queue/debounce-memo';

const SLOT_S = 1;
const slot = (n: number, ms: number) => n * 1000 + ms; // a time `ms` into slot n

test('a key pg-boss found full is answered from memory until a quarter of a slot before the slot ends', () => {
  const memo = createDebounceMemo();
  memo.noteFull('sync:shop-1', slot(100, 400), SLOT_S);
  expect(memo.isFull('sync:shop-1', slot(100, 400))).toBe(true);
  expect(memo.isFull('sync:shop-1', slot(100, 749))).toBe(true);
  // The last quarter of the slot, and any later slot, go to pg-boss again.
  expect(memo.isFull('sync:shop-1', slot(100, 750))).toBe(false);
  expect(memo.isFull('sync:shop-1', slot(101, 400))).toBe(false);
  // Keys are separate.
  expect(memo.isFull('sync:shop-2', slot(100, 500))).toBe(false);
});

test('an answer to a request made in the first quarter of a slot is not remembered (Postgres may still be in the previous slot)', () => {
  const memo = createDebounceMemo();
  memo.noteFull('k', slot(7, 100), SLOT_S);
  expect(memo.isFull('k', slot(7, 300))).toBe(false);
});

test('longer slots keep proportionally longer margins', () => {
  const memo = createDebounceMemo();
  memo.noteFull('k', 60_000 * 3 + 20_000, 60);
  expect(memo.isFull('k', 60_000 * 3 + 44_999)).toBe(true);
  expect(memo.isFull('k', 60_000 * 3 + 45_000)).toBe(false);
});

test('the memo is bounded: past its key limit it starts over', () => {
  const memo = createDebounceMemo(2);
  memo.noteFull('a', slot(1, 500), SLOT_S);
  memo.noteFull('b', slot(1, 500), SLOT_S);
  memo.noteFull('c', slot(1, 500), SLOT_S);
  expect(memo.isFull('a', slot(1, 600))).toBe(false);
  expect(memo.isFull('c', slot(1, 600))).toBe(true);
});
