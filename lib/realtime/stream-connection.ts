'use client';

import { changesEventSchema, STREAM_EVENTS, type TableChange } from './schemas';

/** What a component hears from the stream. */
export type StreamMessage = { type: 'changes'; changes: TableChange[] } | { type: 'resync' };
export type StreamStatus = 'connecting' | 'live' | 'offline';

type Listener = (message: StreamMessage) => void;
type StatusListener = (status: StreamStatus) => void;

/**
 * One EventSource per browser tab, shared by every component that wants live data and opened only
 * while at least one is mounted. EventSource reconnects by itself (the server asks for 3 s); when it
 * comes back after a drop, listeners get `resync`, since changes made meanwhile were not delivered.
 */
const listeners = new Set<Listener>();
const statusListeners = new Set<StatusListener>();
let source: EventSource | null = null;
let status: StreamStatus = 'offline';
let everLive = false;

function setStatus(next: StreamStatus): void {
  status = next;
  for (const listener of statusListeners) listener(next);
}

function emit(message: StreamMessage): void {
  for (const listener of listeners) listener(message);
}

function open(url: string): void {
  source = new EventSource(url);
  setStatus('connecting');
  source.addEventListener(STREAM_EVENTS.ready, () => {
    if (everLive) emit({ type: 'resync' });
    everLive = true;
    setStatus('live');
  });
  source.addEventListener(STREAM_EVENTS.changes, (event) => {
    const parsed = changesEventSchema.safeParse(safeJson((event as MessageEvent<string>).data));
    if (parsed.success) emit({ type: 'changes', changes: parsed.data.changes });
  });
  source.addEventListener(STREAM_EVENTS.resync, () => emit({ type: 'resync' }));
  source.onerror = () => setStatus(source?.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Listens to the stream until the returned function is called. */
export function listenToChanges(listener: Listener, url = '/api/stream'): () => void {
  listeners.add(listener);
  if (!source && typeof EventSource !== 'undefined') open(url);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && source) {
      source.close();
      source = null;
      everLive = false;
      setStatus('offline');
    }
  };
}

export function watchStreamStatus(listener: StatusListener): () => void {
  statusListeners.add(listener);
  listener(status);
  return () => statusListeners.delete(listener);
}
