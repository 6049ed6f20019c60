'use client';

import { useSyncExternalStore } from 'react';
import { formatLocal, formatRelative, formatUtc } from './format';

const noopSubscribe = () => () => {};

/** False on the server and during hydration, true afterwards: lets the first client render match the HTML. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noopSubscribe,
    () => true,
    () => false,
  );
}

let minuteListeners = new Set<() => void>();
let minuteTimer: ReturnType<typeof setInterval> | null = null;
const subscribeMinute = (listener: () => void) => {
  minuteListeners.add(listener);
  minuteTimer ??= setInterval(() => minuteListeners.forEach((notify) => notify()), 30_000);
  return () => {
    minuteListeners.delete(listener);
    if (minuteListeners.size === 0 && minuteTimer) {
      clearInterval(minuteTimer);
      minuteTimer = null;
      minuteListeners = new Set();
    }
  };
};
const currentMinute = () => Math.floor(Date.now() / 30_000) * 30_000;

/** Now, to the half minute, after hydration; null before (so relative times never mismatch the HTML). */
export function useNow(): number | null {
  return useSyncExternalStore(subscribeMinute, currentMinute, () => null);
}

/** A timestamp in the viewer's time zone (UTC in the server's first paint), with the exact time on hover. */
export function LocalTime({
  iso,
  withTime = true,
  relative = false,
  short = false,
}: {
  iso: string | null;
  withTime?: boolean;
  relative?: boolean;
  short?: boolean;
}) {
  const hydrated = useHydrated();
  const now = useNow();
  if (!iso) return <span className="text-muted-foreground">—</span>;
  const text =
    relative && now !== null
      ? formatRelative(new Date(iso).getTime(), now)
      : hydrated
        ? formatLocal(iso, withTime, short)
        : formatUtc(iso, withTime, short);
  return (
    <time dateTime={iso} title={hydrated ? new Date(iso).toString() : iso}>
      {text}
    </time>
  );
}
