// Virtual clock. Business time (rate age, tracking progress, object timestamps) reads this
// clock; transport time (webhook signature timestamps, real timers) uses the wall clock.
// Virtual time flows with the wall clock plus an offset that only `advance` moves forward.

export interface VirtualClock {
  /** Current virtual time in epoch milliseconds. */
  now(): number;
  /** Moves virtual time forward and returns the new time. Negative values are refused. */
  advance(seconds: number): number;
  /** Back to the start offset (used by reset). */
  reset(): void;
}

export function createVirtualClock(startAt?: Date): VirtualClock {
  const initialOffsetMs = startAt ? startAt.getTime() - Date.now() : 0;
  let offsetMs = initialOffsetMs;
  return {
    now: () => Date.now() + offsetMs,
    advance(seconds) {
      if (!Number.isFinite(seconds) || seconds < 0) {
        throw new RangeError('advanceSeconds must be a finite number >= 0');
      }
      offsetMs += Math.round(seconds * 1000);
      return Date.now() + offsetMs;
    },
    reset() {
      offsetMs = initialOffsetMs;
    },
  };
}
