// The simulator's webhook deliveries: signed like TikTok, retried until acknowledged, bounded in
// concurrency, and emitted for orders, cancellations, products, stock and authorization events.
import { parseWebhookEvent, verifyWebhookSignature, type TikTokWebhookEvent } from '@/lib/tiktok';
import {
  DEMO_SHOP_ID,
  type TikTokShopSimulator,
  type TikTokShopSimulatorOptions,
} from '@/sandbox/tiktok-shop';

import { APP_KEY, APP_SECRET, control, startSimulator, startWebhookReceiver } from './helpers';

type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
let sim: TikTokShopSimulator | undefined;
let receiver: Receiver | undefined;
afterEach(async () => {
  await sim?.close();
  await receiver?.close();
  sim = receiver = undefined;
});

async function start(
  respond?: (index: number) => number,
  options: TikTokShopSimulatorOptions = {},
  delayMs = 0,
) {
  receiver = await startWebhookReceiver(respond, delayMs);
  sim = await startSimulator({ webhookUrl: receiver.url, webhookRetryScheduleMs: [5, 5, 5, 5], ...options });
  await control(sim.url, 'POST', '/__sandbox/authorize', {});
  return { sim, receiver };
}

function events(r: Receiver): TikTokWebhookEvent[] {
  return r.received.map(({ rawBody }) => {
    const result = parseWebhookEvent(rawBody);
    if (!result.ok) throw new Error(result.error);
    return result.event;
  });
}

describe('webhook delivery', () => {
  it('signs every delivery like TikTok and retries until a 200 arrives', async () => {
    const { sim, receiver } = await start((index) => (index < 2 ? 500 : 200));
    await control(sim.url, 'POST', '/__sandbox/orders', { count: 1 });
    await sim.webhooksIdle();

    expect(receiver.received).toHaveLength(5); // 3 notifications + 2 retries
    for (const { rawBody, authorization } of receiver.received) {
      expect(verifyWebhookSignature({ appKey: APP_KEY, appSecret: APP_SECRET, rawBody, authorization })).toBe(
        true,
      );
    }
    const received = events(receiver);
    expect(new Set(received.map((e) => e.tts_notification_id)).size).toBe(3);
    const statuses = new Set(
      received.map((e) => (e.topic === 'ORDER_STATUS_CHANGE' ? e.data.order_status : e.topic)),
    );
    expect(statuses).toEqual(new Set(['UNPAID', 'ON_HOLD', 'AWAITING_SHIPMENT']));
    expect(received.every((e) => e.shop_id === DEMO_SHOP_ID)).toBe(true);

    const state = await control<{ webhooks: Record<string, number> }>(sim.url, 'GET', '/__sandbox/state');
    expect(state.webhooks).toMatchObject({ notifications: 3, sent: 5, acked: 3, failed: 0, pending: 0 });
  });

  it('gives up after the last scheduled retry, and treats 401 as a final answer', async () => {
    const { sim, receiver } = await start((index) => (index === 0 ? 401 : 503), {
      webhookRetryScheduleMs: [1, 1],
    });
    sim.sim.webhooks.publish(1, DEMO_SHOP_ID, { order_id: '1', order_status: 'UNPAID', update_time: 1 });
    await sim.webhooksIdle();
    sim.sim.webhooks.publish(1, DEMO_SHOP_ID, { order_id: '2', order_status: 'UNPAID', update_time: 1 });
    await sim.webhooksIdle();

    const [rejected, failed] = sim.sim.webhooks.deliveries;
    expect(rejected).toMatchObject({ status: 'rejected', attempts: 1, lastResponse: 401 });
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, lastResponse: 503 });
    expect(receiver.received).toHaveLength(4);
  });

  it('keeps a burst within the delivery concurrency limit', async () => {
    const { sim, receiver } = await start(() => 200, { webhookConcurrency: 4 }, 2);
    await control(sim.url, 'POST', '/__sandbox/orders', {
      count: 150,
      sku_id: sim.state.products.values().next().value!.skus[0]!.id,
      quantity: 1,
    });
    await sim.webhooksIdle();
    const orderEvents = events(receiver).filter((e) => e.topic === 'ORDER_STATUS_CHANGE');
    expect(orderEvents).toHaveLength(450);
    expect(receiver.maxInFlight()).toBeLessThanOrEqual(4);
    expect(receiver.maxInFlight()).toBeGreaterThan(1);
  });

  it('applies drop and duplicate faults to notifications', async () => {
    const { sim, receiver } = await start();
    await control(sim.url, 'POST', '/__sandbox/faults', {
      dropWebhooks: { count: 1 },
      duplicateWebhooks: { count: 1 },
    });
    await control(sim.url, 'POST', '/__sandbox/orders', { count: 1 });
    await sim.webhooksIdle();
    const ids = events(receiver).map((e) => e.tts_notification_id);
    expect(ids).toHaveLength(3); // 3 notifications - 1 dropped + 1 duplicate
    expect(new Set(ids).size).toBe(2);
    expect(sim.sim.webhooks.stats()).toMatchObject({ dropped: 1, acked: 3 });
  });
});

describe('webhook ordering', () => {
  it('holds a notification back behind the next one with the reorder fault', async () => {
    const { sim, receiver } = await start(() => 200, { webhookConcurrency: 1 });
    await control(sim.url, 'POST', '/__sandbox/faults', { reorderWebhooks: { count: 1 } });
    await control(sim.url, 'POST', '/__sandbox/orders', { count: 1 });
    await sim.webhooksIdle();
    const statuses = events(receiver).map((e) =>
      e.topic === 'ORDER_STATUS_CHANGE' ? e.data.order_status : e.topic,
    );
    expect(statuses).toEqual(['ON_HOLD', 'UNPAID', 'AWAITING_SHIPMENT']);
  });
});

describe('webhook topics', () => {
  it('emits 11 then 1 CANCELLED on a buyer cancellation, and sends nothing for unauthorized shops', async () => {
    const { sim, receiver } = await start();
    const {
      order_ids: [id],
    } = await control<{ order_ids: string[] }>(sim.url, 'POST', '/__sandbox/orders', { count: 1 });
    await sim.webhooksIdle();
    receiver.received.length = 0;
    await control(sim.url, 'POST', `/__sandbox/orders/${id}/cancel`, { reason: 'Changed my mind' });
    await sim.webhooksIdle();
    const cancelEvents = events(receiver);
    expect(cancelEvents.map((e) => e.topic).sort()).toEqual([
      'CANCELLATION_STATUS_CHANGE',
      'ORDER_STATUS_CHANGE',
    ]);
    const cancellation = cancelEvents.find((e) => e.topic === 'CANCELLATION_STATUS_CHANGE');
    expect(cancellation?.data).toMatchObject({
      order_id: id,
      cancellations_role: 'BUYER',
      cancel_status: 'CANCELLATION_REQUEST_SUCCESS',
    });

    receiver.received.length = 0;
    await control(sim.url, 'POST', '/__sandbox/deauthorize', { shop_id: DEMO_SHOP_ID });
    await control(sim.url, 'POST', '/__sandbox/orders', { count: 2 });
    await sim.webhooksIdle();
    expect(events(receiver).map((e) => e.topic)).toEqual(['SELLER_DEAUTHORIZATION']);
    const state = await control<{ webhooks: { skipped_unauthorized: number } }>(
      sim.url,
      'GET',
      '/__sandbox/state',
    );
    expect(state.webhooks.skipped_unauthorized).toBe(6);
  });

  it('emits 16, 15, 5 and 27 for product creation, edits, status changes and low stock', async () => {
    const { sim, receiver } = await start();
    const { product } = await control<{ product: { id: string; skus: { id: string }[] } }>(
      sim.url,
      'POST',
      '/__sandbox/products',
      {
        title: 'Cloud Blush Stick',
        skus: [{ seller_sku: 'CBS-PINK', price: 14.5, quantity: 40 }],
      },
    );
    await control(sim.url, 'POST', `/__sandbox/products/${product.id}`, {
      title: 'Cloud Blush Stick 6g',
      skus: [{ id: product.skus[0]!.id, quantity: 3 }],
    });
    await control(sim.url, 'POST', `/__sandbox/products/${product.id}`, { status: 'SELLER_DEACTIVATED' });
    await sim.webhooksIdle();

    const byTopic = Object.fromEntries(events(receiver).map((e) => [e.topic, e]));
    expect(byTopic.PRODUCT_CREATION?.data).toMatchObject({ product_id: product.id });
    expect(byTopic.PRODUCT_INFORMATION_CHANGE?.data).toMatchObject({ changed_fields: ['title'] });
    expect(byTopic.PRODUCT_STATUS_CHANGE?.data).toMatchObject({
      product_id: product.id,
      status: 'PRODUCT_STATUS_CHANGED',
    });
    expect(byTopic.INVENTORY_STATUS_CHANGE?.data).toMatchObject({
      sku_id: product.skus[0]!.id,
      current_inventory_status: 'LOW_STOCK',
      inventory_distribution: { available_quantity: 3 },
    });
  });

  it('emits 7 with a string expiration_time for an expiring authorization', async () => {
    const { sim, receiver } = await start();
    await control(sim.url, 'POST', '/__sandbox/expire-soon', { shop_id: DEMO_SHOP_ID, days: 10 });
    await sim.webhooksIdle();
    expect(JSON.parse(receiver.received[0]!.rawBody).data.expiration_time).toEqual(
      expect.stringMatching(/^\d{10}$/),
    );
    const [event] = events(receiver);
    expect(event?.topic).toBe('UPCOMING_AUTHORIZATION_EXPIRATION');
  });
});
