// Every delayed action the sandbox schedules (async transactions, refunds, webhook retries,
// injected latency) goes through here so `reset()` and `close()` can cancel them all and
// leave no open handles.

/** A sleep cut short by reset/close; the request must not go on to commit anything. */
export class SleepCancelled extends Error {
  constructor() {
    super('sandbox reset or closed while the request was waiting');
  }
}

export interface TimerSet {
  after(ms: number, action: () => void): void;
  /** Rejects with SleepCancelled if the set is cancelled first. */
  sleep(ms: number): Promise<void>;
  cancelAll(): void;
}

export function createTimerSet(): TimerSet {
  const pending = new Set<ReturnType<typeof setTimeout>>();
  const sleepers = new Set<(cancelled: boolean) => void>();
  const after = (ms: number, action: () => void) => {
    const handle = setTimeout(
      () => {
        pending.delete(handle);
        action();
      },
      Math.max(0, ms),
    );
    pending.add(handle);
  };
  return {
    after,
    sleep(ms) {
      if (ms <= 0) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const wake = (cancelled: boolean) => {
          sleepers.delete(wake);
          if (cancelled) reject(new SleepCancelled());
          else resolve();
        };
        sleepers.add(wake);
        after(ms, () => wake(false));
      });
    },
    cancelAll() {
      for (const handle of pending) clearTimeout(handle);
      pending.clear();
      for (const wake of [...sleepers]) wake(true);
    },
  };
}
