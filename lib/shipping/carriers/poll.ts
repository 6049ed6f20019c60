// Polling with exponential backoff and a hard deadline, for provider objects that come back
// QUEUED/WAITING even when asked to be synchronous.

export interface PollOptions {
  initialDelayMs: number;
  maxDelayMs: number;
  deadlineMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_POLL: PollOptions = { initialDelayMs: 250, maxDelayMs: 2_000, deadlineMs: 15_000 };

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Calls `fetch` until `isDone` or the deadline passes; returns the last value seen. */
export async function pollUntil<T>(
  fetch: () => Promise<T>,
  isDone: (value: T) => boolean,
  options: PollOptions,
): Promise<{ value: T; done: boolean }> {
  const sleep = options.sleep ?? realSleep;
  const deadline = Date.now() + options.deadlineMs;
  let delay = options.initialDelayMs;
  for (;;) {
    await sleep(Math.min(delay, Math.max(0, deadline - Date.now())));
    const value = await fetch();
    if (isDone(value)) return { value, done: true };
    if (Date.now() >= deadline) return { value, done: false };
    delay = Math.min(options.maxDelayMs, delay * 2);
  }
}
