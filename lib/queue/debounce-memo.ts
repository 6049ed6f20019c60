/**
 * Debounce keys whose current and next slot both hold a job, as this process last saw them (pg-boss's
 * sendDebounced answered null), and until when that is sure to hold. A slot stays taken once filled, so
 * until the current slot ends every further request would be dropped as well; answering those from here
 * spares a burst two failed inserts per request.
 *
 * Slots are counted on Postgres's clock and this memo on the process's. It covers only the middle of a
 * slot (a quarter of a slot off each end), so clocks that differ by less than that can never make it drop
 * a request that pg-boss would have accepted.
 */
export function createDebounceMemo(maxKeys = 10_000) {
  const fullUntil = new Map<string, number>();
  return {
    /** True while `key` is known to have no free slot left at time `now` (ms). */
    isFull(key: string, now: number): boolean {
      return now < (fullUntil.get(key) ?? 0);
    },
    /** pg-boss found both slots of `key` taken, for a request made at `askedAt` (ms). */
    noteFull(key: string, askedAt: number, seconds: number): void {
      const slotMs = seconds * 1000;
      const margin = slotMs / 4;
      const slotStart = Math.floor(askedAt / slotMs) * slotMs;
      // Asked just after a slot began, Postgres may still have been in the previous one.
      if (askedAt - slotStart < margin) return;
      if (fullUntil.size >= maxKeys) fullUntil.clear();
      fullUntil.set(key, slotStart + slotMs - margin);
    },
  };
}
