'use client';

// Live updates, browser side: one shared EventSource per tab, a hook that filters its changes to
// the current account, and a component that refreshes server-rendered pages.
export {
  listenToChanges,
  watchStreamStatus,
  type StreamMessage,
  type StreamStatus,
} from './stream-connection';
export { useLiveChanges, throttle, type LiveHandler } from './use-live-changes';
export { LiveRefresh, LiveIndicator } from './live-refresh';
export { CHANGE_TABLES, type ChangeTable, type TableChange } from './schemas';
