import type { FaultInjector } from '../faults/fault-injector';
import type { TimerSet } from '../core/timers';
import type { ApiName } from '../core/state';

// Outgoing webhook deliveries: bounded concurrency, up to two retries on 408/429/5xx or a
// network error (as Shippo documents), every attempt recorded for tests. Deliveries that
// share an `orderingKey` (one parcel, one transaction) go out one at a time, in order;
// fault knobs from the active profile may duplicate, drop or reverse them.

export interface WebhookDelivery {
  provider: ApiName;
  event: string;
  /** Shippo: `data.object_id`; EasyPost: the event id. */
  objectId: string;
  /** Deliveries with the same key are sent sequentially (tracking number, transaction id). */
  orderingKey: string;
  url: string;
  body: string;
  headers: Record<string, string>;
}

export interface DeliveryAttempt {
  deliveryId: number;
  provider: ApiName;
  event: string;
  objectId: string;
  url: string;
  attempt: number;
  status: number | null;
  error?: string;
  duplicate: boolean;
  at: string;
}

export interface EmitterOptions {
  concurrency: number;
  retryDelayMs: number;
  timeoutMs: number;
  faults: FaultInjector;
  timers: TimerSet;
}

const RETRYABLE = (status: number) => status === 408 || status === 429 || status >= 500;
const MAX_ATTEMPTS = 3;

export function createWebhookEmitter(options: EmitterOptions) {
  const attempts: DeliveryAttempt[] = [];
  const queue: Array<{ id: number; delivery: WebhookDelivery; duplicate: boolean; generation: number }> = [];
  let held: typeof queue = [];
  let nextId = 1;
  let active = 0;
  const keysInFlight = new Set<string>();
  let dropped = 0;
  let idleWaiters: Array<() => void> = [];
  // Bumped by reset(): deliveries from an earlier generation stop retrying.
  let generation = 0;

  const settleIfIdle = () => {
    if (active === 0 && queue.length === 0 && held.length === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      waiters.forEach((wake) => wake());
    }
  };

  async function deliver(item: (typeof queue)[number]) {
    const { delivery } = item;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      if (item.generation !== generation) return;
      const record: DeliveryAttempt = {
        deliveryId: item.id,
        provider: delivery.provider,
        event: delivery.event,
        objectId: delivery.objectId,
        url: delivery.url,
        attempt,
        status: null,
        duplicate: item.duplicate,
        at: new Date().toISOString(),
      };
      attempts.push(record);
      try {
        const response = await fetch(delivery.url, {
          method: 'POST',
          headers: delivery.headers,
          body: delivery.body,
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        record.status = response.status;
        await response.arrayBuffer().catch(() => undefined);
        if (!RETRYABLE(response.status)) return;
      } catch (error) {
        record.error = (error as Error).message;
      }
      if (attempt >= MAX_ATTEMPTS) return;
      try {
        await options.timers.sleep(options.retryDelayMs * attempt);
      } catch {
        return; // reset or closed: stop retrying
      }
    }
  }

  function pump() {
    while (active < options.concurrency) {
      const index = queue.findIndex((queued) => !keysInFlight.has(queued.delivery.orderingKey));
      if (index < 0) return;
      const [item] = queue.splice(index, 1);
      if (!item) return;
      const key = item.delivery.orderingKey;
      active += 1;
      keysInFlight.add(key);
      void deliver(item).finally(() => {
        active -= 1;
        keysInFlight.delete(key);
        pump();
        settleIfIdle();
      });
    }
  }

  return {
    send(delivery: WebhookDelivery) {
      const faults = options.faults.webhookFaults();
      if (faults.dropRate > 0 && options.faults.random() < faults.dropRate) {
        dropped += 1;
        return;
      }
      const copies = faults.duplicateRate > 0 && options.faults.random() < faults.duplicateRate ? 2 : 1;
      for (let copy = 0; copy < copies; copy += 1) {
        const item = { id: nextId++, delivery, duplicate: copy > 0, generation };
        if (!faults.outOfOrder) {
          queue.push(item);
          continue;
        }
        held.push(item);
        // Everything queued in this tick is released reversed on the next one.
        if (held.length === 1) {
          setImmediate(() => {
            queue.push(...held.reverse());
            held = [];
            pump();
            settleIfIdle();
          });
        }
      }
      pump();
    },
    /** Resolves once nothing is queued, held or in flight (retries included). */
    idle(): Promise<void> {
      return new Promise((resolve) => {
        idleWaiters.push(resolve);
        settleIfIdle();
      });
    },
    attempts: () => attempts,
    stats: () => ({
      deliveries: nextId - 1,
      attempts: attempts.length,
      succeeded: attempts.filter((a) => a.status !== null && a.status < 300).length,
      failedAttempts: attempts.filter((a) => a.status === null || a.status >= 300).length,
      dropped,
      pending: queue.length + held.length + active,
    }),
    reset() {
      generation += 1;
      attempts.length = 0;
      queue.length = 0;
      held = [];
      dropped = 0;
    },
  };
}

export type WebhookEmitter = ReturnType<typeof createWebhookEmitter>;
