// The simulator's notion of "now": an injectable base clock plus an offset moved by POST /__sandbox/clock,
// so tests can expire tokens (105002) or close the 72 h tracking window without waiting.

export interface SimClock {
  nowMs(): number;
  nowSeconds(): number;
  offsetSeconds(): number;
  setOffsetSeconds(seconds: number): void;
}

export function createClock(base: () => number = Date.now): SimClock {
  let offsetMs = 0;
  return {
    nowMs: () => base() + offsetMs,
    nowSeconds: () => Math.floor((base() + offsetMs) / 1000),
    offsetSeconds: () => offsetMs / 1000,
    setOffsetSeconds(seconds) {
      offsetMs = Math.round(seconds * 1000);
    },
  };
}
