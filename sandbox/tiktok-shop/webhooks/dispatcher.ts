// Delivers webhook notifications the way TikTok does (spec §9): POST JSON with an HMAC `Authorization`
// header; 200 or 401 within the timeout acknowledges, anything else is retried on a schedule, then dropped.
// Deliveries go through a queue with bounded concurrency, so a burst of thousands of orders never opens
// thousands of sockets.
import { rollFault, type Faults } from '../faults';
import { webhookAuthorization } from '../signature';

export type DeliveryStatus =
  'queued' | 'sending' | 'retry-scheduled' | 'acked' | 'rejected' | 'failed' | 'dropped';

export interface WebhookDelivery {
  notificationId: string;
  type: number;
  shopId: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  /** HTTP status of the last attempt, or the network error's message. */
  lastResponse?: number | string;
  /** True for the extra copy made by the duplicateWebhooks fault. */
  duplicate: boolean;
}

export interface DispatcherOptions {
  url: string | null;
  appKey: string;
  appSecret: string;
  concurrency: number;
  /** Delays before retry 1, 2, …; TikTok's are +2 min, +30 min, +3 h, +12 h. */
  retryScheduleMs: readonly number[];
  timeoutMs: number;
  /** How long the reorder fault holds a notification if no later one overtakes it. */
  reorderHoldMs: number;
  faults: () => Faults;
  random: () => number;
  nowSeconds: () => number;
  nextNotificationId: () => string;
}

export function createWebhookDispatcher(options: DispatcherOptions) {
  const deliveries: WebhookDelivery[] = [];
  const queue: WebhookDelivery[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const waiters: (() => void)[] = [];
  const stopController = new AbortController();
  let active = 0;
  let sent = 0;
  let held: { delivery: WebhookDelivery; timer: ReturnType<typeof setTimeout> } | undefined;

  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
    return timer;
  };

  function settleIfIdle() {
    if (queue.length === 0 && active === 0 && timers.size === 0 && !held)
      waiters.splice(0).forEach((wake) => wake());
  }

  function pump() {
    while (!stopController.signal.aborted && active < options.concurrency && queue.length > 0) {
      const delivery = queue.shift()!;
      active += 1;
      void attempt(delivery).finally(() => {
        active -= 1;
        pump();
        settleIfIdle();
      });
    }
    settleIfIdle();
  }

  async function attempt(delivery: WebhookDelivery) {
    delivery.status = 'sending';
    delivery.attempts += 1;
    sent += 1;
    try {
      const response = await fetch(options.url!, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: webhookAuthorization(options.appKey, options.appSecret, delivery.body),
        },
        body: delivery.body,
        signal: AbortSignal.any([stopController.signal, AbortSignal.timeout(options.timeoutMs)]),
      });
      await response.arrayBuffer().catch(() => undefined);
      delivery.lastResponse = response.status;
      if (response.status === 200) return void (delivery.status = 'acked');
      if (response.status === 401) return void (delivery.status = 'rejected');
    } catch (error) {
      delivery.lastResponse = error instanceof Error ? error.message : String(error);
    }
    if (stopController.signal.aborted) return;
    const retryIndex = delivery.attempts - 1;
    if (retryIndex >= options.retryScheduleMs.length) return void (delivery.status = 'failed');
    delivery.status = 'retry-scheduled';
    later(options.retryScheduleMs[retryIndex]!, () => {
      delivery.status = 'queued';
      queue.push(delivery);
      pump();
    });
  }

  function enqueue(delivery: WebhookDelivery) {
    const faults = options.faults();
    if (!held && rollFault(faults.reorderWebhooks, options.random)) {
      const timer = later(options.reorderHoldMs, () => releaseHeld());
      held = { delivery, timer };
      return;
    }
    queue.push(delivery);
    releaseHeld();
    pump();
  }

  function releaseHeld() {
    if (!held) return;
    clearTimeout(held.timer);
    timers.delete(held.timer);
    queue.push(held.delivery);
    held = undefined;
    pump();
  }

  return {
    deliveries,
    /** Queues one notification; returns undefined when no webhook URL is configured. */
    publish(type: number, shopId: string, data: Record<string, unknown>): WebhookDelivery | undefined {
      if (!options.url) return undefined;
      const notificationId = options.nextNotificationId();
      const body = JSON.stringify({
        type,
        tts_notification_id: notificationId,
        shop_id: shopId,
        timestamp: options.nowSeconds(),
        data,
      });
      const delivery: WebhookDelivery = {
        notificationId,
        type,
        shopId,
        body,
        status: 'queued',
        attempts: 0,
        duplicate: false,
      };
      deliveries.push(delivery);
      const faults = options.faults();
      if (rollFault(faults.dropWebhooks, options.random)) {
        delivery.status = 'dropped';
        return delivery;
      }
      enqueue(delivery);
      if (rollFault(faults.duplicateWebhooks, options.random)) {
        const copy: WebhookDelivery = { ...delivery, duplicate: true };
        deliveries.push(copy);
        enqueue(copy);
      }
      return delivery;
    },
    /** Resolves once nothing is queued, in flight, held back or waiting for a retry. */
    idle(): Promise<void> {
      return new Promise((resolve) => {
        waiters.push(resolve);
        settleIfIdle();
      });
    },
    stats() {
      const count = (status: DeliveryStatus) => deliveries.filter((d) => d.status === status).length;
      return {
        url: options.url,
        notifications: deliveries.length,
        sent,
        acked: count('acked'),
        rejected: count('rejected'),
        failed: count('failed'),
        dropped: count('dropped'),
        pending: deliveries.length - count('acked') - count('rejected') - count('failed') - count('dropped'),
      };
    },
    /** Aborts in-flight deliveries and cancels every retry; pending notifications are abandoned. */
    stop() {
      stopController.abort();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      held = undefined;
      queue.length = 0;
      waiters.splice(0).forEach((wake) => wake());
    },
  };
}

export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>;
