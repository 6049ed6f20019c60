import { coalesce } from '@/lib/db/coalesce';

/**
 * A fake statement: each run is recorded with its items and stays in flight until the test settles
 * it, answering each item with `item × 10`, or failing as told.
 */
function fakeRun() {
  const runs: { items: number[]; settle: (failure?: Error) => void }[] = [];
  const run = (items: number[]) =>
    new Promise<number[]>((resolve, reject) => {
      runs.push({ items, settle: (failure) => (failure ? reject(failure) : resolve(items.map((item) => item * 10))) });
    });
  return { run, runs, calls: () => runs.map((r) => r.items) };
}

/** Lets the coalescer's promise chains move on. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

test('an item submitted while nothing is in flight runs at once, alone', async () => {
  const fake = fakeRun();
  const submit = coalesce(fake.run, { maxBatch: 10 });
  const answer = submit(1);
  // Synchronously: no timer, no turn of the event loop waited for company.
  expect(fake.calls()).toEqual([[1]]);
  fake.runs[0]!.settle();
  await expect(answer).resolves.toBe(10);
});

test('items submitted while a run is in flight all go in the next run, each caller with its own result', async () => {
  const fake = fakeRun();
  const submit = coalesce(fake.run, { maxBatch: 10 });
  const first = submit(1);
  const later = [submit(2), submit(3), submit(4)];
  await settled();
  expect(fake.calls()).toEqual([[1]]);
  fake.runs[0]!.settle();
  await expect(first).resolves.toBe(10);
  await settled();
  expect(fake.calls()).toEqual([[1], [2, 3, 4]]);
  fake.runs[1]!.settle();
  await expect(Promise.all(later)).resolves.toEqual([20, 30, 40]);
  const next = submit(5);
  await settled();
  expect(fake.calls()).toEqual([[1], [2, 3, 4], [5]]);
  fake.runs[2]!.settle();
  await expect(next).resolves.toBe(50);
});

test('a run takes at most maxBatch items; the rest go in the run after, in order', async () => {
  const fake = fakeRun();
  const submit = coalesce(fake.run, { maxBatch: 2 });
  const answers = [1, 2, 3, 4, 5].map((item) => submit(item));
  fake.runs[0]!.settle();
  await settled();
  expect(fake.calls()).toEqual([[1], [2, 3]]);
  fake.runs[1]!.settle();
  await settled();
  expect(fake.calls()).toEqual([[1], [2, 3], [4, 5]]);
  fake.runs[2]!.settle();
  await expect(Promise.all(answers)).resolves.toEqual([10, 20, 30, 40, 50]);
});

test('a run\'s items weigh at most maxWeight together; an item heavier than that still runs, alone', async () => {
  const fake = fakeRun();
  const submit = coalesce(fake.run, { maxBatch: 10, maxWeight: 10, weigh: (item) => item });
  const answers = [1, 4, 5, 2, 30, 3].map((item) => submit(item));
  fake.runs[0]!.settle();
  await settled();
  expect(fake.calls()).toEqual([[1], [4, 5]]);
  fake.runs[1]!.settle();
  await settled();
  expect(fake.calls()).toEqual([[1], [4, 5], [2]]);
  fake.runs[2]!.settle();
  await settled();
  expect(fake.calls()).toEqual([[1], [4, 5], [2], [30]]);
  fake.runs[3]!.settle();
  await settled();
  expect(fake.calls()).toEqual([[1], [4, 5], [2], [30], [3]]);
  fake.runs[4]!.settle();
  await expect(Promise.all(answers)).resolves.toEqual([10, 40, 50, 20, 300, 30]);
});

test('a failed batch runs each item again alone: only the item that fails alone fails its caller', async () => {
  const fake = fakeRun();
  const submit = coalesce(fake.run, { maxBatch: 10 });
  const first = submit(1);
  const [good, bad, alsoGood] = [submit(2), submit(3), submit(4)];
  fake.runs[0]!.settle();
  await settled();
  fake.runs[1]!.settle(new Error('batch refused'));
  await settled();
  expect(fake.calls()).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  fake.runs[2]!.settle();
  fake.runs[3]!.settle(new Error('item 3 refused'));
  fake.runs[4]!.settle();
  await expect(first).resolves.toBe(10);
  await expect(good).resolves.toBe(20);
  await expect(bad).rejects.toThrow('item 3 refused');
  await expect(alsoGood).resolves.toBe(40);
});

test('a failed run of one fails its caller, and the next item still runs', async () => {
  const fake = fakeRun();
  const submit = coalesce(fake.run, { maxBatch: 10 });
  const failing = submit(1);
  fake.runs[0]!.settle(new Error('refused'));
  await expect(failing).rejects.toThrow('refused');
  const next = submit(2);
  await settled();
  expect(fake.calls()).toEqual([[1], [2]]);
  fake.runs[1]!.settle();
  await expect(next).resolves.toBe(20);
});

test('a run that answers the wrong number of items is treated as failed, each item run again alone', async () => {
  let calls = 0;
  const submit = coalesce(async (items: number[]) => (calls++ === 1 ? [0] : items.map((item) => item * 10)), { maxBatch: 10 });
  const answers = [submit(1), submit(2), submit(3)];
  await expect(Promise.all(answers)).resolves.toEqual([10, 20, 30]);
  expect(calls).toBe(4); // [1], [2, 3] answered with one result, then [2] and [3]
});
