import 'server-only';
import { sql } from 'drizzle-orm';
import { fromDrizzle } from 'pg-boss';
import type { Tx } from '@/lib/db';
import { createDebounceMemo } from './debounce-memo';
import { getReadyBoss } from './runtime';
import type { JobName, JobPayload } from './registry';

export type EnqueueOptions = {
  /** Enqueue inside this transaction: the job exists if and only if the domain write commits. */
  tx?: Tx;
  priority?: number;
  /** At most one queued job with this key (e.g. one sync per order at a time). */
  singletonKey?: string;
  startAfter?: Date | number;
  /**
   * At most one job per `key` per `seconds`-long slot (pg-boss sendDebounced): the first request
   * in a slot runs at once, later ones become one job at the start of the next slot, more are
   * dropped because that job has not run yet. The job must drain shared state (pending rows, the
   * current stock), not act on its own payload alone. A burst of 1,000 changes costs two jobs.
   */
  debounce?: {
    key: string;
    seconds: number;
    /** Ask pg-boss even if this process saw both slots taken (a safety net that suspects lost jobs). */
    recheck?: boolean;
  };
};

function sendOptions(options: EnqueueOptions) {
  return {
    ...(options.tx ? { db: fromDrizzle(options.tx, sql) } : {}),
    ...(options.priority !== undefined ? { priority: options.priority } : {}),
    ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    ...(options.startAfter !== undefined ? { startAfter: options.startAfter } : {}),
  };
}

/** Debounce keys this process saw full, so a burst's further requests skip pg-boss (see the module). */
const debounceMemo = createDebounceMemo();

export async function enqueue<N extends JobName>(name: N, data: JobPayload<N>, options: EnqueueOptions = {}): Promise<string | null> {
  const boss = await getReadyBoss();
  if (options.debounce) {
    if (options.singletonKey || options.startAfter !== undefined) throw new TypeError('debounce sets its own singleton key and start time');
    const { key, seconds } = options.debounce;
    const memoKey = `${name}\u0000${key}`;
    const askedAt = Date.now();
    if (!options.debounce.recheck && debounceMemo.isFull(memoKey, askedAt)) return null;
    const id = await boss.sendDebounced(name, data as object, sendOptions(options), seconds, key);
    if (id === null) debounceMemo.noteFull(memoKey, askedAt, seconds);
    return id;
  }
  return boss.send(name, data as object, sendOptions(options));
}

/** Many jobs of one kind in one statement (bursts: a page of orders from reconciliation). */
export async function enqueueMany<N extends JobName>(
  name: N,
  items: { data: JobPayload<N>; priority?: number; singletonKey?: string }[],
  options: Pick<EnqueueOptions, 'tx'> = {},
): Promise<void> {
  if (items.length === 0) return;
  const boss = await getReadyBoss();
  await boss.insert(
    name,
    items.map((item) => ({ data: item.data as object, priority: item.priority, singletonKey: item.singletonKey })),
    options.tx ? { db: fromDrizzle(options.tx, sql) } : undefined,
  );
}
