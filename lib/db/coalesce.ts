/**
 * Group commit for a hot path: concurrent calls in this process share one statement, and so one
 * commit. A call made while no run is in flight runs at once, alone (nothing waits on a timer for
 * company, so an idle process adds no latency); calls made while a run is in flight queue up and all
 * go in the next run, at most `maxBatch` of them (the rest in the run after). Under load, statements
 * then grow with the number of runs, not of calls.
 *
 * `run` answers its items in order, one result each, and must be all or nothing (one statement):
 * when it fails for a batch, each item is run again alone (the batch of one, exactly as without
 * coalescing), so an item the database refuses fails only its own caller.
 */
export function coalesce<Item, Result>(
  run: (items: Item[]) => Promise<Result[]>,
  options: {
    maxBatch: number;
    /** With `weigh`: a run's items weigh at most this much together (one item alone may weigh more). */
    maxWeight?: number;
    /** An item's weight, e.g. its size in bytes, so a run's one statement stays a bounded size. */
    weigh?: (item: Item) => number;
  },
): (item: Item) => Promise<Result> {
  type Waiting = { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void };
  const queue: Waiting[] = [];
  let running = false;

  const runAlone = async (waiting: Waiting) => {
    try {
      const [result] = await run([waiting.item]);
      waiting.resolve(result!);
    } catch (error) {
      waiting.reject(error);
    }
  };

  const runBatch = async (batch: Waiting[]) => {
    if (batch.length === 1) return runAlone(batch[0]!);
    try {
      const results = await run(batch.map((waiting) => waiting.item));
      if (results.length !== batch.length) throw new Error(`coalesce: ${results.length} results for ${batch.length} items`);
      batch.forEach((waiting, index) => waiting.resolve(results[index]!));
    } catch {
      await Promise.all(batch.map(runAlone));
    }
  };

  /** The next run's items: in order, at most maxBatch of them and maxWeight together, and never none. */
  const takeBatch = (): Waiting[] => {
    const { maxBatch, maxWeight = Infinity, weigh } = options;
    let count = 0;
    let weight = 0;
    while (count < Math.min(maxBatch, queue.length)) {
      weight += weigh ? weigh(queue[count]!.item) : 0;
      if (count > 0 && weight > maxWeight) break;
      count += 1;
    }
    return queue.splice(0, count);
  };

  const drain = async () => {
    running = true;
    try {
      while (queue.length > 0) await runBatch(takeBatch());
    } finally {
      running = false;
    }
  };

  return (item) =>
    new Promise<Result>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!running) void drain();
    });
}
