'use client';

import { useEffect, useRef, useState } from 'react';
import type { ChangeTable, TableChange } from './schemas';
import { listenToChanges, watchStreamStatus, type StreamStatus } from './stream-connection';

export type LiveHandler = (event: { type: 'changes'; changes: TableChange[] } | { type: 'resync' }) => void;

/**
 * Calls `handler` with the changes of the current account in the given tables (or `resync`), and
 * returns the stream's status for a "Live" indicator. The handler may change between renders
 * without reopening anything.
 */
export function useLiveChanges(
  accountId: string,
  tables: readonly ChangeTable[],
  handler: LiveHandler,
): StreamStatus {
  const handlerRef = useRef(handler);
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const tableKey = tables.join(',');

  useEffect(() => {
    handlerRef.current = handler;
  });

  useEffect(() => watchStreamStatus(setStatus), []);

  useEffect(() => {
    const wanted = new Set(tableKey.split(','));
    return listenToChanges((message) => {
      if (message.type === 'resync') return handlerRef.current({ type: 'resync' });
      const mine = message.changes.filter(
        (change) => change.account_id === accountId && wanted.has(change.table),
      );
      if (mine.length) handlerRef.current({ type: 'changes', changes: mine });
    });
  }, [accountId, tableKey]);

  return status;
}

/**
 * Runs fn at most once per intervalMs: the first call runs at once, calls during the wait are
 * folded into one trailing run. Keeps a viral burst from refetching a page many times a second.
 */
export function throttle(fn: () => void, intervalMs: number): { run: () => void; cancel: () => void } {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const fire = () => {
    timer = null;
    last = Date.now();
    fn();
  };
  return {
    run() {
      if (timer) return;
      const wait = last + intervalMs - Date.now();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
