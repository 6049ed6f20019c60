import 'server-only';
import type { HubListener } from './change-hub';
import { coalesceChanges } from './coalesce-changes';
import { STREAM_EVENTS, type ChangeNotification, type ChangesEvent } from './schemas';

export type ChangeStreamOptions = {
  /** The hub's subscribe (injected so tests can drive the stream without a database). */
  subscribe: (accountIds: Iterable<string>, listener: HubListener) => () => void;
  accountIds: readonly string[];
  /** Aborted when the browser goes away (request.signal). */
  signal: AbortSignal;
  /** Comment lines that keep proxies and load balancers from closing an idle stream. */
  heartbeatMs?: number;
  /** Changes are gathered for this long and sent as one event: bursts become a trickle. */
  flushMs?: number;
};

const encoder = new TextEncoder();

/** One Server-Sent Event frame. */
export const sseFrame = (event: string, data: unknown): Uint8Array =>
  encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

/**
 * The body of GET /api/stream: an SSE stream of the changes in the user's accounts. It tells the
 * browser to retry after 3 s if the connection drops, announces itself with `ready`, sends batched
 * `changes` at most every flushMs, `resync` when notifications may have been lost, and a comment
 * heartbeat. Everything is released when the request aborts or the reader cancels.
 */
export function createChangeStream(options: ChangeStreamOptions): ReadableStream<Uint8Array> {
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const flushMs = options.flushMs ?? 500;
  let pending: ChangeNotification[] = [];
  let flushTimer: NodeJS.Timeout | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let unsubscribe: (() => void) | null = null;
  let closed = false;

  const cleanup = () => {
    if (closed) return;
    closed = true;
    unsubscribe?.();
    if (flushTimer) clearTimeout(flushTimer);
    if (heartbeat) clearInterval(heartbeat);
    options.signal.removeEventListener('abort', onAbort);
  };
  let onAbort = () => {};

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (chunk: Uint8Array) => {
        if (closed) return;
        try {
          controller.enqueue(chunk);
        } catch {
          cleanup(); // the reader is gone
        }
      };
      const flush = () => {
        flushTimer = null;
        const batch = pending;
        pending = [];
        if (batch.length)
          send(sseFrame(STREAM_EVENTS.changes, { changes: coalesceChanges(batch) } satisfies ChangesEvent));
      };

      onAbort = () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      if (options.signal.aborted) return onAbort();
      options.signal.addEventListener('abort', onAbort);

      send(encoder.encode('retry: 3000\n\n'));
      send(sseFrame(STREAM_EVENTS.ready, { accounts: options.accountIds.length }));
      unsubscribe = options.subscribe(options.accountIds, (message) => {
        if (message.type === 'resync') {
          pending = [];
          return send(sseFrame(STREAM_EVENTS.resync, {}));
        }
        pending.push(message.change);
        flushTimer ??= setTimeout(flush, flushMs);
      });
      heartbeat = setInterval(() => send(encoder.encode(': heartbeat\n\n')), heartbeatMs);
    },
    cancel() {
      cleanup();
    },
  });
}
